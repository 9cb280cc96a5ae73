package io.jvirtd.itests.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * libvirt's python binding ({@code /usr/bin/python3}, python3-libvirt) runs
 * {@code python/binding_parity.py} against the real libvirtd 9.0 and against jvirtd, both serving a
 * fresh {@code test:///default}: lookups, info, listings, a domain's define/create/destroy/undefine,
 * a network and a pool, and lifecycle events through {@code domainEventRegisterAny} and the old
 * {@code domainEventRegister}. The script prints already-normalised lines; both transcripts must be
 * equal, and the reference's must show the exact event sequence (which proves the script itself).
 * {@code -Dparity.selftest=true} compares two real libvirtd instances (see {@link ParityDaemons}).
 */
@Timeout(300)
class PythonBindingIT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Duration SCRIPT_DEADLINE = Duration.ofSeconds(60);
    /** define, create, suspend, resume, destroy, undefine of one domain, as libvirtd 9.0's test driver emits them. */
    private static final String LIFECYCLE =
            "DEFINED/ADDED STARTED/BOOTED SUSPENDED/PAUSED RESUMED/UNPAUSED STOPPED/DESTROYED UNDEFINED/REMOVED";
    /** define, create, shutdown, create, reboot (no event), suspend, destroy, autostart (no event), undefine. */
    private static final String LIFECYCLE_2 = "DEFINED/ADDED STARTED/BOOTED STOPPED/SHUTDOWN STARTED/BOOTED"
            + " SUSPENDED/PAUSED STOPPED/DESTROYED UNDEFINED/REMOVED";
    /** createXML then destroy: a transient domain is never defined nor undefined. */
    private static final String TRANSIENT = "STARTED/BOOTED STOPPED/DESTROYED";

    record Run(String daemon, int exitCode, String out, String err) {
    }

    @Test
    void pythonBindingGetsTheSameAnswersAndEventsFromBothDaemons() throws Exception {
        ClassLoader cl = PythonBindingIT.class.getClassLoader();
        Path script = Path.of(cl.getResource("python/binding_parity.py").toURI());
        Path fixtures = Path.of(cl.getResource("parity/tiny.xml").toURI()).getParent();
        Run expected;
        Run actual;
        try (ParityDaemon lvd = ParityDaemons.startExpected(); ParityDaemon other = ParityDaemons.startActual()) {
            expected = run(script, fixtures, lvd);
            actual = run(script, fixtures, other);
        }
        Path reports = Files.createDirectories(Path.of("target", "parity"));
        Files.writeString(reports.resolve("python-expected-" + expected.daemon() + ".txt"), expected.out());
        Files.writeString(reports.resolve("python-actual-" + actual.daemon() + ".txt"), actual.out());

        // the script against the reference is the yardstick: it must have run completely
        assertEquals(0, expected.exitCode(), "the script failed against the reference libvirtd:\n" + expected);
        assertTrue(expected.out().contains("\ndone: True\n"), "the script did not finish:\n" + expected);
        for (String api : new String[] {"any", "old"}) {
            assertTrue(expected.out().contains("\nevents " + api + ": " + LIFECYCLE + "\n"), expected.out());
            assertTrue(expected.out().contains("\nevents " + api + " evt2: " + LIFECYCLE_2 + "\n"), expected.out());
            assertTrue(expected.out().contains("\nevents " + api + " transient: " + TRANSIENT + "\n"), expected.out());
        }
        assertTrue(expected.out().contains("\nreboot events: 0\n"), expected.out());

        StringBuilder diff = new StringBuilder();
        if (expected.exitCode() != actual.exitCode()) {
            diff.append("  exit ").append(expected.exitCode()).append(" (").append(expected.daemon()).append(") vs ")
                    .append(actual.exitCode()).append(" (").append(actual.daemon()).append(")\n");
        }
        if (!expected.out().equals(actual.out())) {
            diff.append("  stdout:\n").append(TextDiff.of(expected.out(), actual.out(), "    "));
        }
        if (!expected.err().equals(actual.err())) {
            diff.append("  stderr:\n").append(TextDiff.of(expected.err(), actual.err(), "    "));
        }
        if (!diff.isEmpty()) {
            fail("the python binding sees " + actual.daemon() + " (+) differently from " + expected.daemon()
                    + " (-):\n" + diff + "transcripts: " + reports.toAbsolutePath());
        }
    }

    private static Run run(Path script, Path fixtures, ParityDaemon daemon) throws Exception {
        Path out = Files.createTempFile("parity-python-out-", ".txt");
        Path err = Files.createTempFile("parity-python-err-", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), script.toString(), daemon.uri(),
                    fixtures.toString()).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("LIBVIRT_") || k.startsWith("LC_"));
            pb.environment().put("LANG", "C");
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            p.getOutputStream().close();
            boolean done = p.waitFor(SCRIPT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.destroyForcibly();
                p.waitFor(SCRIPT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8)
                    .replace(daemon.socket().toString(), "<SOCKET>");
            return new Run(daemon.name(), done ? p.exitValue() : VirshRunner.TIMED_OUT,
                    Files.readString(out, StandardCharsets.UTF_8),
                    done ? stderr : stderr + "[killed: the script did not finish within " + SCRIPT_DEADLINE + "]\n");
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
