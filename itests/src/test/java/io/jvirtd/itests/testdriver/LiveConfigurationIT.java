package io.jvirtd.itests.testdriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Live configuration while sixteen python-libvirt clients call without pause: the worker pool shrunk
 * through virt-admin and grown through etc/io.jvirtd.server.cfg, max_clients lowered below the
 * clients connected (they keep working, a new connection waits in the listen backlog until the limit
 * is raised), a wrong value in the file refused with the old one kept. No call may fail; the lock
 * checker is on.
 */
@Timeout(240)
class LiveConfigurationIT {
    private static final int CLIENTS = 16;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern CLIENT_LINE = Pattern.compile("client (\\d+): calls (\\d+) errors (\\d+) first (.*)");

    @Test
    void workersResizeAndMaxClientsDropWhileSixteenClientsCall() throws Exception {
        try (DaemonWithTestDriver daemon = DaemonWithTestDriver.start(false)) {
            String adminUri = "libvirtd:///system?socket=" + daemon.home().resolve("data/run/libvirt-admin-sock");
            Path stop = daemon.home().resolve("stop-callers");
            Process callers = Python.builder("callers.py", daemon.uri(), String.valueOf(CLIENTS), stop.toString())
                    .start();
            callers.getOutputStream().close();
            OutputLines out = new OutputLines(callers.getInputStream(), "live-config-callers");
            try {
                assertTrue(out.await(l -> l.equals("ready"), 0, DEADLINE).isPresent(), out::text);

                // shrink through virt-admin while the calls go on
                assertEquals(0, virtAdmin(adminUri, "srv-threadpool-set", "libvirtd", "--min-workers", "1",
                        "--max-workers", "2").exitCode);
                awaitThreadpool(adminUri, info -> value(info, "maxWorkers") == 2 && value(info, "nWorkers") <= 2,
                        "the pool shrunk to at most 2 workers");

                // grow through the configuration file
                Path cfg = daemon.home().resolve("etc/io.jvirtd.server.cfg");
                String original = Files.readString(cfg);
                Files.writeString(cfg, original.replace("min_workers = 5", "min_workers = 12")
                        .replace("max_workers = 20", "max_workers = 40"));
                awaitThreadpool(adminUri, info -> value(info, "minWorkers") == 12 && value(info, "maxWorkers") == 40
                        && value(info, "nWorkers") >= 12, "the pool grown to 12..40 from the file");

                // a wrong value: refused with a clear line, the old settings stay
                int mark = daemon.output().mark();
                Files.writeString(cfg, original.replace("min_workers = 5", "min_workers = 12")
                        .replace("max_workers = 20", "max_workers = many"));
                assertTrue(daemon.output().await(l -> l.contains("invalid value 'many' for max_workers in "
                        + "io.jvirtd.server"), mark, DEADLINE).isPresent(), () -> daemon.output().text());
                String kept = virtAdmin(adminUri, "srv-threadpool-info", "libvirtd").out;
                assertEquals(40, value(kept, "maxWorkers"), kept);

                // max_clients below the clients connected: they stay, a new one waits
                assertEquals(0, virtAdmin(adminUri, "srv-clients-set", "libvirtd", "--max-clients", "4",
                        "--max-unauth-clients", "2").exitCode);
                String limits = virtAdmin(adminUri, "srv-clients-info", "libvirtd").out;
                assertEquals(4, value(limits, "nclients_max"), limits);
                assertEquals(CLIENTS, value(limits, "nclients"), limits);
                Process late = new ProcessBuilder("virsh", "-c", daemon.uri(), "list", "--all")
                        .redirectErrorStream(true).start();
                late.getOutputStream().close();
                awaitBacklog(daemon.socket());
                assertTrue(late.isAlive(), "a connection beyond max_clients must wait, not be served or refused");
                assertEquals(CLIENTS, value(virtAdmin(adminUri, "srv-clients-info", "libvirtd").out, "nclients"));
                assertEquals(0, virtAdmin(adminUri, "srv-clients-set", "libvirtd", "--max-clients", "5000",
                        "--max-unauth-clients", "20").exitCode);
                String listed = new String(late.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(late.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS), "the waiting virsh ended");
                assertEquals(0, late.exitValue(), listed);
                assertTrue(listed.contains(" test "), listed);

                Files.writeString(cfg, original);
                awaitThreadpool(adminUri, info -> value(info, "maxWorkers") == 20, "the original file back");
            } finally {
                Files.writeString(stop, "stop");
                if (!callers.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                    callers.destroyForcibly();
                }
            }
            assertTrue(out.await(l -> l.startsWith("total calls"), 0, DEADLINE).isPresent(), out::text);
            Matcher m = CLIENT_LINE.matcher(out.text());
            int clients = 0;
            while (m.find()) {
                clients++;
                assertEquals("0", m.group(3), "client " + m.group(1) + " had failed calls: " + m.group(4));
                assertTrue(Long.parseLong(m.group(2)) > 0, "client " + m.group(1) + " made no call");
            }
            assertEquals(CLIENTS, clients, out.text());
            System.out.println("LiveConfigurationIT: " + out.matching(l -> l.startsWith("total")));
            List<String> problems = daemon.output().matching(l -> l.contains("lock order violation")
                    || l.contains("cannot acquire"));
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        }
    }

    // ---- helpers ----

    record Result(int exitCode, String out) {
    }

    private static Result virtAdmin(String uri, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("virt-admin", "-c", uri));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish");
        }
        return new Result(p.exitValue(), out);
    }

    private static void awaitThreadpool(String uri, Predicate<String> test, String what) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        String info = "";
        while (System.nanoTime() < end) {
            info = virtAdmin(uri, "srv-threadpool-info", "libvirtd").out;
            if (test.test(info)) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError(what + " not seen within " + DEADLINE + "; last:\n" + info);
    }

    /** Waits until the kernel holds at least one connection in the socket's accept queue (ss's Recv-Q). */
    private static void awaitBacklog(Path socket) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        String line = "";
        while (System.nanoTime() < end) {
            Process p = new ProcessBuilder("ss", "-xlnH").redirectErrorStream(true).start();
            String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            for (String l : all.lines().toList()) {
                String[] f = l.trim().split("\\s+");
                if (f.length > 4 && f[4].equals(socket.toString())) {
                    line = l;
                    if (Integer.parseInt(f[2]) >= 1) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no connection waiting on " + socket + " within " + DEADLINE + ": " + line);
    }

    /** The number after "name :" in virt-admin's listing, or -1. */
    private static int value(String listing, String name) {
        return listing.lines().filter(l -> l.contains(":") && l.substring(0, l.indexOf(':')).strip().equals(name))
                .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElse(-1);
    }
}
