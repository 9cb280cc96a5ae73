package io.jvirtd.itests.testdriver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A private copy of the assembled distribution ({@code jvirtd.distribution}) running {@code bin/jvirtd}
 * as a child process with the lock-order checker on, its unix socket in {@code data/run}. Started, it
 * has printed "jvirtd: started" and the test driver (hot-deployed from {@code deploy/}) is bound.
 * With {@code --console} the Gogo shell reads this object's {@link #shell} commands from the daemon's
 * stdin; closing stdin would stop the daemon, so it stays open until {@link #close}.
 */
final class DaemonWithTestDriver implements AutoCloseable {
    static final String DRIVER_JAR = "jvirtd-driver-test.jar";
    /** TrackingDriverRegistry's line when the test driver's service comes. */
    static final String BOUND = "driver Test bound (scheme test, bundle io.jvirtd.driver.test [";
    /** TrackingDriverRegistry's line when it goes. */
    static final String UNBOUND = "driver Test unbound (bundle io.jvirtd.driver.test [";
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);
    private static final Pattern BUNDLE_ID = Pattern.compile(Pattern.quote(BOUND) + "(\\d+)\\]");
    private final Path home; // immutable
    private final Process process; // immutable
    private final OutputLines output; // immutable
    private final OutputStream stdin; // immutable; written only by the test thread

    private DaemonWithTestDriver(Path home, Process process) {
        this.home = home;
        this.process = process;
        this.output = new OutputLines(process.getInputStream(), "testdriver-jvirtd-output");
        this.stdin = process.getOutputStream();
    }

    /** Starts the daemon, with the interactive Gogo shell on its stdin when {@code console}. */
    static DaemonWithTestDriver start(boolean console) throws Exception {
        String distribution = System.getProperty("jvirtd.distribution");
        if (distribution == null) {
            throw new IllegalStateException("system property jvirtd.distribution is not set (run through failsafe)");
        }
        Path home = Files.createTempDirectory("testdriver-jvirtd-");
        copy(Path.of(distribution).toAbsolutePath().normalize(), home);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/jvirtd").toString()));
        if (console) {
            command.add("--console");
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_OPTS", "-Xmx256m -Djvirtd.lock.check=true");
        DaemonWithTestDriver d = new DaemonWithTestDriver(home, pb.start());
        if (!console) {
            d.stdin.close();
        }
        if (d.output.await(l -> l.startsWith("jvirtd: started"), 0, START_DEADLINE).isEmpty()
                || d.output.await(l -> l.contains(BOUND), 0, START_DEADLINE).isEmpty()) {
            String out = d.output.text();
            d.close();
            throw new AssertionError("jvirtd did not start with the test driver bound within " + START_DEADLINE
                    + ":\n" + out);
        }
        return d;
    }

    Path home() {
        return home;
    }

    Path socket() {
        return home.resolve("data/run/libvirt-sock");
    }

    /** {@code test:///default} through this daemon's read-write socket. */
    String uri() {
        return "test+unix:///default?socket=" + socket();
    }

    /** What the daemon printed (its console log, and the shell's answers with {@code --console}). */
    OutputLines output() {
        return output;
    }

    /** The test driver bundle's id, from the last "bound" line. */
    long driverBundleId() {
        List<String> bound = output.matching(l -> l.contains(BOUND));
        Matcher m = BUNDLE_ID.matcher(bound.get(bound.size() - 1));
        if (!m.find()) {
            throw new AssertionError("no bundle id in " + bound);
        }
        return Long.parseLong(m.group(1));
    }

    /** Types one command into the Gogo console (the daemon must run with {@code --console}). */
    void shell(String command) throws IOException {
        stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /**
     * The daemon's used heap in KiB right after a full GC, read with the JDK's jcmd (bin/jvirtd runs
     * JAVA_HOME's java or the one on PATH: the JDK the tests run on).
     */
    long usedHeapKiBAfterGc() throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String pid = String.valueOf(process.pid());
        run(jcmd, pid, "GC.run");
        String info = run(jcmd, pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
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

    @Override
    public void close() throws Exception {
        // SIGTERM (a clean stop), then SIGKILL after the deadline
        process.toHandle().destroy();
        if (!process.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        }
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: a temporary folder
        }
    }

    /** Copies a folder tree, keeping file attributes (bin/ stays executable). */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
