package io.jvirtd.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A private copy of the assembled distribution and, once started, {@code bin/jvirtd} running in it as
 * a real process. Its output lines are collected by a reader thread; tests wait for a line with a
 * deadline.
 */
final class DaemonProcess implements AutoCloseable {
    private final Path home;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition lineAdded = lock.newCondition();
    private final List<String> lines = new ArrayList<>(); // guarded by lock
    private Process process;

    DaemonProcess() throws IOException {
        home = Files.createTempDirectory("jvirtd-e2e-");
        DistributionBundles.copyTree(new DistributionBundles().home(), home);
    }

    Path home() {
        return home;
    }

    /** Runs {@code bin/jvirtd args...} to completion; returns exit code and output. */
    Result run(Duration deadline, String... args) throws Exception {
        Process p = builder(args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/jvirtd " + String.join(" ", args) + " did not end within " + deadline);
        }
        return new Result(p.exitValue(), out);
    }

    record Result(int exitCode, String output) {
    }

    /** Starts the daemon in the foreground (as a child process). */
    void start() throws IOException {
        process = builder().start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
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
                // the process ended
            }
        }, "jvirtd-e2e-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for an output line matching {@code test}; fails with the output so far after the deadline. */
    String awaitLine(Predicate<String> test, Duration deadline, String what) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        lock.lock();
        try {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (test.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no output line showing " + what + " within " + deadline
                            + "; output:\n" + String.join("\n", lines));
                }
                lineAdded.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    List<String> output() {
        lock.lock();
        try {
            return List.copyOf(lines);
        } finally {
            lock.unlock();
        }
    }

    /** Sends SIGTERM and waits for the exit code. */
    int terminate(Duration deadline) throws InterruptedException {
        // ProcessHandle.destroy sends SIGTERM only; Process.destroy would also close our end of the
        // daemon's stdout and lose its last lines.
        process.toHandle().destroy();
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("jvirtd did not stop within " + deadline + " after SIGTERM");
        }
        return process.exitValue();
    }

    /** The daemon's process id. */
    long pid() {
        return process.pid();
    }

    /**
     * The daemon's used heap in KiB right after a full GC, read with the JDK's jcmd (the daemon runs
     * on the same JDK as the tests: bin/jvirtd uses JAVA_HOME or java from PATH).
     */
    long usedHeapKiBAfterGc() throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, String.valueOf(pid()), "GC.run");
        String info = run(jcmd, String.valueOf(pid()), "GC.heap_info");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new AssertionError("no heap figure in jcmd output:\n" + info);
        }
        return Long.parseLong(m.group(1));
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws IOException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/jvirtd").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_OPTS", "-Xmx256m -Djvirtd.lock.check=true");
        return pb;
    }
}
