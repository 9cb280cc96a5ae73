package io.jvirtd.itests.qemu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * A private copy of the assembled distribution running {@code bin/jvirtd} with the lock-order checker
 * on and a short {@code job_wait_timeout}, restartable in the same home (its {@code data/qemu} is
 * what a restarted daemon reattaches from). {@link #close} kills the daemon and every QEMU whose
 * command line names this home, then removes it.
 */
final class QemuDaemon implements AutoCloseable {
    /** The line the core prints when a driver's service arrives. */
    static final String QEMU_BOUND = "driver QEMU bound";
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);
    private final Path home; // immutable
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition lineAdded = lock.newCondition();
    private final List<String> lines = new ArrayList<>(); // guarded by lock
    private Process process; // test thread only

    QemuDaemon(int jobWaitSeconds) throws IOException {
        String distribution = System.getProperty("jvirtd.distribution");
        if (distribution == null) {
            throw new IllegalStateException("system property jvirtd.distribution is not set (run through failsafe)");
        }
        home = Files.createTempDirectory("qemu-jvirtd-");
        Path from = Path.of(distribution).toAbsolutePath().normalize();
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(p -> !p.startsWith(from.resolve("data"))).toList()) {
                Path to = home.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.writeString(home.resolve("etc/io.jvirtd.core.cfg"), "lock_timeout = 30\njob_wait_timeout = "
                + jobWaitSeconds + "\nlock_check = true\n");
    }

    Path home() {
        return home;
    }

    /** The URI virsh and python-libvirt use. */
    String uri() {
        return "qemu+unix:///system?socket=" + home.resolve("data/run/libvirt-sock");
    }

    /** Starts the daemon and waits until the QEMU driver is bound (its guests reattached). */
    void start() throws Exception {
        int seen = lineCount();
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/jvirtd").toString()).redirectErrorStream(true);
        pb.environment().put("JAVA_OPTS", "-Xmx256m -Djvirtd.lock.check=true");
        process = pb.start();
        Process p = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lock.lock();
                    try {
                        lines.add(line);
                        lineAdded.signalAll();
                    } finally {
                        lock.unlock();
                    }
                }
            } catch (IOException e) {
                // the daemon ended
            }
        }, "qemu-jvirtd-output");
        reader.setDaemon(true);
        reader.start();
        awaitLine(QEMU_BOUND, seen, START_DEADLINE);
    }

    int lineCount() {
        lock.lock();
        try {
            return lines.size();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a line containing {@code text} after the first {@code from} lines. */
    String awaitLine(String text, int from, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        lock.lock();
        try {
            for (int i = from;; ) {
                for (; i < lines.size(); i++) {
                    if (lines.get(i).contains(text)) {
                        return lines.get(i);
                    }
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no line with '" + text + "' within " + deadline + "; output:\n"
                            + String.join("\n", lines));
                }
                lineAdded.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** SIGKILL: the daemon dies at once; its guests keep running. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("jvirtd did not die on SIGKILL");
        }
    }

    /** The pids of the running QEMU processes started from this home. */
    List<Long> qemuPids() throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            List<Long> out = new ArrayList<>();
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    String stat = Files.readString(p.resolve("stat"));
                    boolean zombie = stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
                    if (cmd.contains("qemu-system") && cmd.contains(home.toString()) && !zombie) {
                        out.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // the process went away meanwhile
                }
            }
            return out;
        }
    }

    @Override
    public void close() throws IOException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        for (long pid : qemuPids()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
