package io.jvirtd.itests.testdriver;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** libvirt's python binding ({@code /usr/bin/python3}, python3-libvirt) running the scripts of {@code testdriver/}. */
final class Python {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private Python() {
    }

    /** {@code python3 testdriver/<script> args...}, in the C locale, no LIBVIRT_* variable inherited, stderr merged. */
    static ProcessBuilder builder(String script, String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-u", resource(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LIBVIRT_") || k.startsWith("LC_"));
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        return pb;
    }

    private static Path resource(String script) {
        URL url = Python.class.getClassLoader().getResource("testdriver/" + script);
        if (url == null) {
            throw new IllegalStateException("no testdriver/" + script + " on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
