package io.jvirtd.itests.parity;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real libvirtd 9.0 (Debian's), started privately by the project's shared script
 * {@code shared/tools/reference-libvirtd.sh} (its sockets in {@code DIR/sock}), with the test driver
 * serving {@code test:///default}.
 */
final class ReferenceDaemon implements ParityDaemon {
    private static final long START_DEADLINE_S = 60;
    private static final long STOP_DEADLINE_S = 30;
    private final String name;
    private final Path dir; // immutable

    private ReferenceDaemon(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    static ReferenceDaemon start(String name) throws Exception {
        Path script = Path.of(System.getProperty("jvirtd.shared.dir", "../../shared"))
                .resolve("tools/reference-libvirtd.sh").toAbsolutePath().normalize();
        Path dir = Files.createTempDirectory("parity-lvd-");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path log = dir.resolve("start.log");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), String.valueOf(port), dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("INSTALL", "0");
        Process p = pb.start();
        if (!p.waitFor(START_DEADLINE_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(name + ": reference-libvirtd.sh did not finish within "
                    + START_DEADLINE_S + " s:\n" + Files.readString(log));
        }
        ReferenceDaemon d = new ReferenceDaemon(name, dir);
        if (p.exitValue() != 0 || !Files.exists(d.socket())) {
            d.close();
            throw new IllegalStateException(name + ": the reference libvirtd did not start:\n" + Files.readString(log));
        }
        return d;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path socket() {
        return dir.resolve("sock/libvirt-sock");
    }

    @Override
    public void close() throws IOException {
        Path pidFile = dir.resolve("libvirtd.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroy();
                try {
                    h.onExit().get(STOP_DEADLINE_S, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
            });
        }
        FileTrees.deleteQuietly(dir);
    }
}
