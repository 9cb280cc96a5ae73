package io.jvirtd.itests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real libvirtd (Debian's), started privately by the project's shared script
 * {@code shared/tools/reference-libvirtd.sh} beside the repository, for side-by-side comparisons.
 */
final class ReferenceLibvirtd implements AutoCloseable {
    private final Path dir;
    private final Path socket;

    private ReferenceLibvirtd(Path dir) {
        this.dir = dir;
        this.socket = dir.resolve("sock/libvirt-sock");
    }

    /** The shared script, looked up from the itests module (the repository sits beside shared/). */
    static Path script() {
        return Path.of(System.getProperty("jvirtd.shared.dir", "../../shared")).resolve("tools/reference-libvirtd.sh")
                .toAbsolutePath().normalize();
    }

    static ReferenceLibvirtd start() throws Exception {
        Path dir = Files.createTempDirectory("lvd-");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder("bash", script().toString(), String.valueOf(port), dir.toString())
                .redirectErrorStream(true);
        pb.environment().put("INSTALL", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("the reference libvirtd did not start:\n" + out);
        }
        ReferenceLibvirtd lvd = new ReferenceLibvirtd(dir);
        if (!Files.exists(lvd.socket)) {
            throw new IllegalStateException("the reference libvirtd has no socket " + lvd.socket + ":\n" + out);
        }
        return lvd;
    }

    Path socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        Path pidFile = dir.resolve("libvirtd.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroy();
                h.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
        }
    }
}
