package io.jvirtd.itests.qemu;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code virsh} against a {@link QemuDaemon}, with a deadline; stdout and stderr kept apart. */
final class VirshQemu {
    private final String uri; // immutable

    VirshQemu(String uri) {
        this.uri = uri;
    }

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    Result run(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("virsh", "-q", "-c", uri));
        cmd.addAll(List.of(command));
        Path home = Files.createTempDirectory("virsh-home-");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("virsh " + String.join(" ", command) + " did not finish within 60 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed; returns its stdout. */
    String ok(String... command) throws Exception {
        Result r = run(command);
        if (r.exitCode() != 0) {
            throw new AssertionError("virsh " + String.join(" ", command) + " failed: " + r);
        }
        return r.out();
    }

    /** Runs a command that must fail; returns its stderr. */
    String fails(String... command) throws Exception {
        Result r = run(command);
        if (r.exitCode() == 0) {
            throw new AssertionError("virsh " + String.join(" ", command) + " succeeded: " + r);
        }
        return r.err();
    }
}
