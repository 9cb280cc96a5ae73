package io.jvirtd.itests.parity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A private copy of the assembled distribution ({@code jvirtd.distribution}) running {@code bin/jvirtd}
 * as a child process, its unix socket in {@code data/run}. Start-up waits for the launcher's
 * "jvirtd: started" line and then for the test driver's "bound (scheme test" line; a missing driver is
 * not an error here: the comparison shows it, command by command.
 */
final class JvirtdDaemon implements ParityDaemon {
    private static final Duration START_DEADLINE = Duration.ofSeconds(90);
    private static final Duration DRIVER_DEADLINE = Duration.ofSeconds(30);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);
    private final Path home; // immutable
    private final Process process; // immutable
    private final ProcessOutput output; // immutable

    private JvirtdDaemon(Path home, Process process) {
        this.home = home;
        this.process = process;
        this.output = new ProcessOutput(process.getInputStream(), "parity-jvirtd-output");
    }

    static JvirtdDaemon start() throws Exception {
        String distribution = System.getProperty("jvirtd.distribution");
        if (distribution == null) {
            throw new IllegalStateException("system property jvirtd.distribution is not set (run through failsafe)");
        }
        Path home = Files.createTempDirectory("parity-jvirtd-");
        FileTrees.copy(Path.of(distribution).toAbsolutePath().normalize(), home);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/jvirtd").toString()).redirectErrorStream(true);
        pb.environment().put("JAVA_OPTS", "-Xmx256m -Djvirtd.lock.check=true");
        JvirtdDaemon d = new JvirtdDaemon(home, pb.start());
        if (d.output.awaitLine(l -> l.startsWith("jvirtd: started"), START_DEADLINE).isEmpty()) {
            String out = d.output.text();
            d.close();
            throw new IllegalStateException("jvirtd did not start within " + START_DEADLINE + ":\n" + out);
        }
        d.output.awaitLine(l -> l.contains("bound (scheme test,"), DRIVER_DEADLINE);
        return d;
    }

    @Override
    public String name() {
        return "jvirtd";
    }

    @Override
    public Path socket() {
        return home.resolve("data/run/libvirt-sock");
    }

    /** What the daemon printed so far (for failure messages). */
    String output() {
        return output.text();
    }

    @Override
    public void close() throws Exception {
        // SIGTERM first (a clean stop), then SIGKILL after the deadline
        process.toHandle().destroy();
        if (!process.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        }
        FileTrees.deleteQuietly(home);
    }
}
