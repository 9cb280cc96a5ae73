package io.jvirtd.itests.testdriver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One run of the real {@code virsh} with a fresh connection, its output and how long it took. */
record VirshCall(int exitCode, String out, String err, Duration took) {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /** {@code virsh -c uri command...} in the C locale with an empty HOME; fails the test if it does not end within 30 s. */
    static VirshCall run(String uri, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("virsh", "-c", uri));
        cmd.addAll(List.of(command));
        Path dir = Files.createTempDirectory("testdriver-virsh-");
        try {
            Path out = dir.resolve("out");
            Path err = dir.resolve("err");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("LIBVIRT_") || k.startsWith("LC_"));
            pb.environment().put("HOME", dir.toString());
            pb.environment().put("LC_ALL", "C");
            long start = System.nanoTime();
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("virsh " + String.join(" ", command) + " did not end within " + DEADLINE);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new VirshCall(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), took);
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + " in " + took.toMillis() + " ms\nstdout:\n" + out + "stderr:\n" + err;
    }
}
