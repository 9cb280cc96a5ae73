package io.jvirtd.itests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code virsh} (Debian's libvirt-clients) with a deadline. */
final class Virsh {
    private Virsh() {
    }

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    static Result run(String uri, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("virsh", "-q", "-c", uri));
        cmd.addAll(List.of(command));
        Path home = Files.createTempDirectory("virsh-home-");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        Process p = pb.start();
        p.getOutputStream().close();
        var out = p.getInputStream();
        var err = p.getErrorStream();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("virsh " + String.join(" ", command) + " did not finish within 60 s");
        }
        return new Result(p.exitValue(), new String(out.readAllBytes(), StandardCharsets.UTF_8),
                new String(err.readAllBytes(), StandardCharsets.UTF_8));
    }
}
