package io.jvirtd.itests.testdriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sixteen python-libvirt clients, each with its own connection to the shared {@code test:///default},
 * loop for 30 s through define, start, suspend, resume, destroy, undefine of domains of their own while
 * a seventeenth connection keeps the state alive; the daemon runs with the lock-order checker on. No
 * call may fail, no domain may be lost or leaked, no lock order may be broken and no job may be stuck.
 * The figures (iterations per client, calls) are printed, not asserted beyond a sane minimum.
 */
@Timeout(180)
class ConcurrentLifecyclesIT {
    private static final int CLIENTS = 16;
    private static final int SECONDS = 30;
    /** Far below what any machine does (thousands per client): only "the clients really ran". */
    private static final int MIN_TOTAL_ITERATIONS = 500;
    private static final Duration SCRIPT_DEADLINE = Duration.ofSeconds(SECONDS + 90);
    private static final Duration PROMPT = Duration.ofSeconds(10);
    private static final long MAX_HEAP_KIB_AFTER_GC = 64 * 1024;
    private static final Pattern CLIENT_LINE = Pattern.compile(
            "client (\\d+): iterations (\\d+) calls (\\d+) errors (\\d+) slowest ([\\d.]+) alive (\\w+)");
    private static final List<String> LOG_PROBLEMS = List.of(
            "lock order violation", "cannot acquire state change lock", "cannot acquire lock", " ERROR ");

    @Test
    void sixteenClientsCycleTheirOwnDomainsWithoutErrorsLeaksOrLockProblems() throws Exception {
        try (DaemonWithTestDriver daemon = DaemonWithTestDriver.start(false)) {
            long start = System.nanoTime();
            Process p = Python.builder("concurrency.py", daemon.uri(), String.valueOf(CLIENTS),
                    String.valueOf(SECONDS)).start();
            p.getOutputStream().close();
            byte[] bytes = p.getInputStream().readAllBytes(); // ends when the script does
            if (!p.waitFor(SCRIPT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("concurrency.py did not end within " + SCRIPT_DEADLINE);
            }
            String out = new String(bytes, StandardCharsets.UTF_8);
            System.out.printf("ConcurrentLifecyclesIT: script took %.1f s%n%s%n",
                    (System.nanoTime() - start) / 1e9, out);
            String context = "concurrency.py:\n" + out;
            assertEquals(0, p.exitValue(), context);
            assertTrue(out.contains("\ndone: True"), context);
            Map<String, String> report = report(out);

            assertEquals("0", report.get("total errors"), "calls failed (first errors of each client above):\n" + out);
            assertEquals("0", report.get("hung clients"), context);
            assertEquals("test", report.get("keeper before"), context);
            assertEquals("test", report.get("keeper after"), "domains lost or leaked:\n" + out);
            assertEquals("none", report.get("last domains left"), context);
            assertEquals("id 1 active 1", report.get("test"), context);
            Matcher m = CLIENT_LINE.matcher(out);
            int clients = 0;
            while (m.find()) {
                clients++;
                assertTrue(Integer.parseInt(m.group(2)) > 0, "client " + m.group(1) + " made no progress:\n" + out);
            }
            assertEquals(CLIENTS, clients, context);
            int total = Integer.parseInt(report.get("total iterations"));
            assertTrue(total >= MIN_TOTAL_ITERATIONS, "only " + total + " iterations in " + SECONDS + " s:\n" + out);

            for (String problem : LOG_PROBLEMS) {
                List<String> lines = daemon.output().matching(l -> l.contains(problem));
                assertTrue(lines.isEmpty(), "the daemon logged \"" + problem.strip() + "\":\n"
                        + String.join("\n", lines.subList(0, Math.min(10, lines.size()))));
            }

            VirshCall list = VirshCall.run(daemon.uri(), "list", "--all");
            assertEquals(0, list.exitCode(), list.toString());
            assertTrue(Pattern.compile("(?m)^\\s*1\\s+test\\s+running\\s*$").matcher(list.out()).find(), list.toString());
            assertTrue(list.took().compareTo(PROMPT) < 0, "virsh list --all took " + list.took());

            long heap = daemon.usedHeapKiBAfterGc();
            System.out.printf("ConcurrentLifecyclesIT: virsh list --all took %d ms; daemon heap after GC %d KiB%n",
                    list.took().toMillis(), heap);
            assertTrue(heap < MAX_HEAP_KIB_AFTER_GC, "daemon heap after GC " + heap + " KiB");
        }
    }

    /** The script's "key: value" lines (client lines aside). */
    private static Map<String, String> report(String out) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0 && !line.startsWith("client ") && !line.startsWith("error: ")) {
                values.put(line.substring(0, colon), line.substring(colon + 2).strip());
            }
        }
        return values;
    }
}
