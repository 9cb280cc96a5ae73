package io.jvirtd.itests.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The real {@code virt-admin} (libvirt-clients 9.0) against the assembled daemon's admin socket;
 * expected texts are what a real libvirtd 9.0 printed for the same commands.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class AdminIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private Path home;
    private Process daemon;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private String adminUri;
    private Path rwSocket;

    @BeforeAll
    void startDaemon() throws Exception {
        String dist = System.getProperty("jvirtd.distribution");
        assertTrue(dist != null, "system property jvirtd.distribution is not set (run through failsafe)");
        home = Files.createTempDirectory("jvirtd-admin-it-");
        run(Duration.ofSeconds(60), "cp", "-a", Path.of(dist).toAbsolutePath() + "/.", home.toString());
        daemon = new ProcessBuilder(home.resolve("bin/jvirtd").toString()).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                }
            } catch (java.io.IOException e) {
                // the daemon ended
            }
        }, "admin-it-output");
        reader.setDaemon(true);
        reader.start();
        Path adminSocket = home.resolve("data/run/libvirt-admin-sock");
        // the admin socket, and the test driver (hot-deployed from deploy/ a little later) that the
        // tests' virsh and python clients open
        boolean[] seen = new boolean[2];
        awaitLine(l -> {
            seen[0] |= l.contains("listening on") && l.contains(adminSocket.toString());
            seen[1] |= l.contains("driver Test bound");
            return seen[0] && seen[1];
        }, "the admin socket and the test driver");
        adminUri = "libvirtd:///system?socket=" + adminSocket;
        rwSocket = home.resolve("data/run/libvirt-sock");
    }

    @AfterAll
    void stopDaemon() throws Exception {
        if (daemon != null) {
            daemon.toHandle().destroy();
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    @Test
    void versionAndServerListAreLibvirtds() throws Exception {
        assertTrue(admin("version").out.contains("Running against daemon: 9.0.0"));
        assertEquals(" Id   Name\n----------------\n 0    libvirtd\n 1    admin\n\n", admin("srv-list").out);
        assertEquals("libvirtd:///system?socket=" + home.resolve("data/run/libvirt-admin-sock") + "\n\n",
                admin("uri").out);
    }

    @Test
    void threadpoolInfoNamesTheFiguresAsLibvirtdDoes() throws Exception {
        String libvirtd = admin("srv-threadpool-info", "libvirtd").out;
        assertEquals(List.of("minWorkers", "maxWorkers", "nWorkers", "freeWorkers", "prioWorkers", "jobQueueDepth"),
                names(libvirtd));
        String admin = admin("srv-threadpool-info", "admin").out;
        assertEquals(names(libvirtd), names(admin));
        assertEquals("0", value(admin, "prioWorkers"), admin);
        assertEquals("5", value(admin, "minWorkers"), admin);
    }

    @Test
    void threadpoolSetChangesThePoolLiveAndRefusesMinAboveMax() throws Exception {
        Result refused = admin("srv-threadpool-set", "libvirtd", "--min-workers", "300");
        assertEquals(1, refused.exitCode, refused.toString());
        assertTrue(refused.err.contains("error: Unable to change server workerpool parameters\n"
                + "error: invalid argument: minWorkers cannot be larger than maxWorkers"), refused.err);
        assertEquals(0, admin("srv-threadpool-set", "libvirtd", "--max-workers", "31", "--min-workers", "7").exitCode);
        String info = admin("srv-threadpool-info", "libvirtd").out;
        assertEquals("7", value(info, "minWorkers"), info);
        assertEquals("31", value(info, "maxWorkers"), info);
        assertEquals("7", value(info, "nWorkers"), info);
        assertEquals(0, admin("srv-threadpool-set", "libvirtd", "--min-workers", "5", "--max-workers", "20").exitCode);
    }

    @Test
    void clientsInfoAndLimits() throws Exception {
        String info = admin("srv-clients-info", "libvirtd").out;
        assertEquals(List.of("nclients_max", "nclients", "nclients_unauth_max", "nclients_unauth"), names(info));
        assertEquals("5000", value(info, "nclients_max"));
        assertEquals("20", value(info, "nclients_unauth_max"));
        assertEquals("0", value(admin("srv-clients-info", "admin").out, "nclients_unauth_max"));

        Result refused = admin("srv-clients-set", "libvirtd", "--max-unauth-clients", "6000");
        assertEquals(1, refused.exitCode);
        assertEquals("error: Unable to change server's client-related configuration limits\n"
                + "error: invalid argument: The overall maximum number of clients waiting for authentication must "
                + "not be less than the overall maximum number of clients\n", refused.err);
        assertEquals(0, admin("srv-clients-set", "libvirtd", "--max-clients", "4000").exitCode);
        assertEquals("4000", value(admin("srv-clients-info", "libvirtd").out, "nclients_max"));
        assertEquals(0, admin("srv-clients-set", "libvirtd", "--max-clients", "5000").exitCode);
    }

    @Test
    void unknownServerAndClientGetLibvirtsErrors() throws Exception {
        assertEquals("error: Server not found: No server named 'nosuch'\n",
                admin("srv-threadpool-info", "nosuch").err);
        assertEquals("error: Client not found: No client with matching ID '99999'\n",
                admin("client-info", "libvirtd", "99999").err);
        assertEquals("error: Client not found: No client with matching ID '99999'\n",
                admin("client-disconnect", "libvirtd", "99999").err);
    }

    @Test
    void clientInfoShowsAConnectedPythonClientAndDisconnectDropsIt() throws Exception {
        output.clear(); // earlier tests' connection lines must not be taken for the python client's
        // python3-libvirt (the system python), connected until its stdin closes (its pid is the client's)
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "-c",
                "import libvirt, sys; c = libvirt.open(sys.argv[1]); print(c.getHostname(), flush=True); sys.stdin.read()",
                "test+unix:///default?socket=" + rwSocket);
        pb.redirectErrorStream(true);
        Process python = pb.start();
        try {
            String connected = awaitLine(l -> l.contains("connected on unix rw socket " + rwSocket), "python connected");
            String hostname = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            Matcher m = Pattern.compile("client (\\d+) ").matcher(connected);
            assertTrue(m.find(), connected);
            String id = m.group(1);
            String list = admin("srv-clients-list", "libvirtd").out;
            assertTrue(Pattern.compile("(?m)^ " + id + " +unix +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\+0000$")
                    .matcher(list).find(), () -> list + "\npython alive: " + python.isAlive() + ", said: " + hostname
                    + "\ndaemon: " + output);

            String info = admin("client-info", "libvirtd", id).out;
            assertEquals(id, value(info, "id"), info);
            assertEquals("unix", value(info, "transport"), info);
            assertEquals("no", value(info, "readonly"), info);
            assertEquals("0", value(info, "unix_user_id"), info);
            assertEquals("root", value(info, "unix_user_name"), info);
            assertEquals("0", value(info, "unix_group_id"), info);
            assertEquals("root", value(info, "unix_group_name"), info);
            assertEquals(Long.toString(python.pid()), value(info, "unix_process_id"), info);

            Result disconnect = admin("client-disconnect", "libvirtd", id);
            assertEquals("Client '" + id + "' disconnected\n", disconnect.out, disconnect.toString());
            assertFalse(Pattern.compile("(?m)^ " + id + " ").matcher(admin("srv-clients-list", "libvirtd").out).find());
            assertEquals("error: Client not found: No client with matching ID '" + id + "'\n",
                    admin("client-info", "libvirtd", id).err);
        } finally {
            python.destroyForcibly();
        }
    }

    @Test
    void daemonLogFiltersAndOutputsAnswerAsLibvirtdAndTakeEffect() throws Exception {
        Path debugLog = home.resolve("data/log/debug.log");
        try {
            // the texts are libvirtd 9.0's for the same commands
            assertEquals(" Logging filters: \n\n", admin("daemon-log-filters").out);
            assertEquals(0, admin("daemon-log-filters", "3:remote 4:event 1:+qemu.json").exitCode);
            assertEquals(" Logging filters: 3:*remote* 4:*event* 1:*qemu.json* \n\n", admin("daemon-log-filters").out);
            Result refused = admin("daemon-log-filters", "x:foo");
            assertEquals(1, refused.exitCode);
            assertEquals("error: Unable to change daemon logging settings\n"
                    + "error: invalid argument: Invalid priority 'x' for filter 'x:foo'\n", refused.err);
            assertEquals("error: Unable to change daemon logging settings\n"
                    + "error: invalid argument: Invalid match string ''\n", admin("daemon-log-filters", "1:").err);
            assertEquals(" Logging filters: 3:*remote* 4:*event* 1:*qemu.json* \n\n", admin("daemon-log-filters").out,
                    "a refused string changes nothing");

            assertEquals(" Logging outputs: 2:stderr 2:file:" + home.resolve("data/log/jvirtd.log") + "\n\n",
                    admin("daemon-log-outputs").out, "etc/logback.xml's appenders, in libvirt's syntax");
            assertEquals("error: Unable to change daemon logging settings\n"
                    + "error: invalid argument: Invalid log priority '9' for log output '9:stderr'\n",
                    admin("daemon-log-outputs", "9:stderr").err);
            assertEquals("error: Unable to change daemon logging settings\nerror: invalid argument: Log output "
                    + "'2:file' does not meet the format requirements for destination type 'file'\n",
                    admin("daemon-log-outputs", "2:file").err);

            // the call trace of the rpc loggers, at debug, into a file of its own
            assertEquals(0, admin("daemon-log-outputs", "2:stderr 1:file:" + debugLog).exitCode);
            assertEquals(0, admin("daemon-log-filters", "1:rpc").exitCode);
            Result listed = run(Duration.ofSeconds(60), "virsh", "-c", "test+unix:///default?socket=" + rwSocket,
                    "list", "--all");
            assertEquals(0, listed.exitCode, () -> listed + "\ndaemon: " + output);
            String traced = Files.readString(debugLog);
            assertTrue(traced.contains("DEBUG") && traced.contains("call 1 connect_open"), traced);
            assertTrue(traced.contains("call 273 connect_list_all_domains"), traced);
            assertTrue(traced.lines().noneMatch(l -> l.contains(" DEBUG ") && !l.contains("io.jvirtd.rpc.")),
                    "loggers no filter matches keep their level:\n" + traced);

            assertEquals(0, admin("daemon-log-filters", "").exitCode);
            long before = Files.size(debugLog);
            Result listedAgain = run(Duration.ofSeconds(60), "virsh", "-c", "test+unix:///default?socket=" + rwSocket,
                    "list", "--all");
            assertEquals(0, listedAgain.exitCode, listedAgain::toString);
            String after = Files.readString(debugLog).substring((int) before);
            assertFalse(after.contains("call 273"), "no call trace once the filter is gone:\n" + after);
        } finally {
            admin("daemon-log-filters", "");
            admin("daemon-log-outputs", "");
        }
        assertEquals(" Logging outputs: 2:stderr 2:file:" + home.resolve("data/log/jvirtd.log") + "\n\n",
                admin("daemon-log-outputs").out, "an empty string brings logback.xml's outputs back");
    }

    // ---- helpers ----

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private Result admin(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("virt-admin", "-c", adminUri));
        cmd.addAll(List.of(command));
        return run(Duration.ofSeconds(60), cmd.toArray(String[]::new));
    }

    private static Result run(Duration deadline, String... cmd) throws Exception {
        Path out = Files.createTempFile("admin-it-", ".out");
        Path err = Files.createTempFile("admin-it-", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish within " + deadline);
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private String awaitLine(Predicate<String> test, String what) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        List<String> seen = new ArrayList<>();
        while (true) {
            String line = output.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no daemon output line showing " + what + "; output:\n"
                        + String.join("\n", seen));
            }
            seen.add(line);
            if (test.test(line)) {
                return line;
            }
        }
    }

    /** The names of a virt-admin "name : value" listing, in order. */
    private static List<String> names(String listing) {
        return listing.lines().filter(l -> l.contains(":")).map(l -> l.substring(0, l.indexOf(':')).strip())
                .toList();
    }

    private static String value(String listing, String name) {
        return listing.lines().filter(l -> l.contains(":") && l.substring(0, l.indexOf(':')).strip().equals(name))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(null);
    }
}
