package io.jvirtd.itests.qemu;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The python-libvirt scripts of {@code src/test/resources/qemu/}, run by {@code /usr/bin/python3} in the C locale. */
final class PythonScripts {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonScripts() {
    }

    /** {@code python3 -u qemu/<script> args...}, no LIBVIRT_* variable inherited, stderr merged. */
    static ProcessBuilder builder(String script, String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-u", resource(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LIBVIRT_") || k.startsWith("LC_"));
        pb.environment().put("LC_ALL", "C");
        return pb;
    }

    private static Path resource(String script) {
        URL url = PythonScripts.class.getClassLoader().getResource("qemu/" + script);
        if (url == null) {
            throw new IllegalStateException("no qemu/" + script + " on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
