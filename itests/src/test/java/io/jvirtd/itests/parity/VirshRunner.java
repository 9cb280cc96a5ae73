package io.jvirtd.itests.parity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code virsh} the same way for every daemon: one process per command, working
 * directory {@code workDir} (so battery files are named relative to it), a private HOME, the C locale
 * (libvirt-l10n would translate messages) and no default-URI variables. Output goes to files, so a
 * large answer cannot block the child on a full pipe.
 */
final class VirshRunner {
    /** Exit code recorded when virsh had to be killed at its deadline. */
    static final int TIMED_OUT = -1;
    private final Path workDir; // immutable
    private final Path home; // immutable
    private final Duration deadline;

    VirshRunner(Path workDir, Path home, Duration deadline) {
        this.workDir = workDir;
        this.home = home;
        this.deadline = deadline;
    }

    record Result(int exitCode, String out, String err) {
    }

    Result run(String uri, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("virsh", "-c", uri));
        command.addAll(args);
        Path out = Files.createTempFile(home, "out-", ".txt");
        Path err = Files.createTempFile(home, "err-", ".txt");
        try {
            Process p = builder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            boolean done = p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.destroyForcibly();
                p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            return new Result(done ? p.exitValue() : TIMED_OUT, Files.readString(out, StandardCharsets.UTF_8),
                    done ? stderr : stderr + "[killed: virsh did not finish within " + deadline + "]\n");
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A process builder with this runner's directory and environment. */
    ProcessBuilder builder(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("LIBVIRT_") || k.startsWith("VIRSH_") || k.startsWith("LC_"));
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        return pb;
    }
}
