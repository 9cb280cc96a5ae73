package io.jvirtd.itests.testdriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The test driver going away while python-libvirt connections are bound to it, and coming back
 * (DESIGN §6): the open connections' calls fail at once with VIR_ERR_NO_CONNECT naming the driver, new
 * connections find no driver for {@code test:///}, and once the driver is back new connections get a
 * fresh default state while the old ones stay refused. Done twice: by taking the jar out of
 * {@code deploy/} (FileInstall uninstalls it) and by {@code felix:stop} in the running daemon's Gogo
 * console ({@code bin/jvirtd --console}, commands typed on its stdin).
 */
@Timeout(120)
class DriverHotDeployIT {
    private static final int VIR_ERR_NO_CONNECT = 5;
    /** A call, or a fresh virsh, must answer within this even while the driver goes and comes. */
    private static final Duration PROMPT = Duration.ofSeconds(5);
    /** FileInstall polls deploy/ every second; the driver's deactivate waits for running calls. */
    private static final Duration DEPLOY_DEADLINE = Duration.ofSeconds(30);
    private static final Pattern TEST_RUNNING_AS_1 = Pattern.compile("(?m)^\\s*1\\s+test\\s+running\\s*$");
    private static final List<String> LOG_PROBLEMS = List.of(
            "lock order violation", "cannot acquire state change lock", "cannot acquire lock", " ERROR ");

    interface Action {
        void run() throws Exception;
    }

    @Test
    void removingTheJarFromDeployRefusesItsConnectionsAndPuttingItBackServesAFreshState() throws Exception {
        try (DaemonWithTestDriver daemon = DaemonWithTestDriver.start(false)) {
            Path jar = daemon.home().resolve("deploy").resolve(DaemonWithTestDriver.DRIVER_JAR);
            Path aside = daemon.home().resolve(DaemonWithTestDriver.DRIVER_JAR + ".aside");
            unloadAndReload(daemon, () -> Files.move(jar, aside), () -> Files.move(aside, jar));
        }
    }

    @Test
    void stoppingTheBundleInTheGogoConsoleRefusesItsConnectionsAndStartingItServesAFreshState() throws Exception {
        try (DaemonWithTestDriver daemon = DaemonWithTestDriver.start(true)) {
            long id = daemon.driverBundleId();
            unloadAndReload(daemon, () -> daemon.shell("felix:stop " + id), () -> daemon.shell("felix:start " + id));
        }
    }

    private static void unloadAndReload(DaemonWithTestDriver daemon, Action unload, Action reload) throws Exception {
        try (PythonHolder holder = PythonHolder.open(daemon.uri(), "a", "b")) {
            assertOk(holder.call("a", "lookup"), "id 1 active 1");
            // a change in the shared state, seen by the other connection: the reloaded driver must not have it
            assertOk(holder.call("b", "restart"), "id 2");
            assertOk(holder.call("a", "lookup"), "id 2 active 1");

            int mark = daemon.output().mark();
            unload.run();
            String unbound = daemon.output().await(l -> l.contains(DaemonWithTestDriver.UNBOUND), mark, DEPLOY_DEADLINE)
                    .orElseThrow(() -> new AssertionError("no \"" + DaemonWithTestDriver.UNBOUND + "\" line within "
                            + DEPLOY_DEADLINE + ":\n" + daemon.output().text()));
            System.out.println("DriverHotDeployIT: " + unbound.strip());
            assertUnloaded(holder.call("a", "lookup"));
            assertUnloaded(holder.call("b", "list"));
            VirshCall refused = VirshCall.run(daemon.uri(), "list", "--all");
            assertTrue(refused.exitCode() != 0, refused.toString());
            assertTrue(refused.err().contains("no connection driver available for test:///default"), refused.toString());
            assertTrue(refused.took().compareTo(PROMPT) < 0, "a refused virsh took " + refused.took());

            mark = daemon.output().mark();
            reload.run();
            String bound = daemon.output().await(l -> l.contains(DaemonWithTestDriver.BOUND), mark, DEPLOY_DEADLINE)
                    .orElseThrow(() -> new AssertionError("no \"" + DaemonWithTestDriver.BOUND + "\" line within "
                            + DEPLOY_DEADLINE + ":\n" + daemon.output().text()));
            System.out.println("DriverHotDeployIT: " + bound.strip());
            VirshCall fresh = VirshCall.run(daemon.uri(), "list", "--all");
            assertEquals(0, fresh.exitCode(), fresh.toString());
            assertTrue(TEST_RUNNING_AS_1.matcher(fresh.out()).find(), "not a fresh default state:\n" + fresh);
            assertTrue(fresh.took().compareTo(PROMPT) < 0, "virsh list --all took " + fresh.took());

            // the old connections belong to the driver instance that went away: still refused, still closable
            assertUnloaded(holder.call("a", "lookup"));
            assertOk(holder.call("a", "close"), "refs 0");
            assertOk(holder.call("b", "close"), "refs 0");
        }
        try (PythonHolder again = PythonHolder.open(daemon.uri(), "c")) {
            assertOk(again.call("c", "lookup"), "id 1 active 1");
            assertOk(again.call("c", "list"), "test");
        }
        for (String problem : LOG_PROBLEMS) {
            List<String> lines = daemon.output().matching(l -> l.contains(problem));
            assertTrue(lines.isEmpty(), "the daemon logged \"" + problem.strip() + "\":\n" + String.join("\n", lines));
        }
    }

    private static void assertOk(PythonHolder.Answer answer, String expected) {
        assertTrue(answer.ok(), "call failed: " + answer);
        assertEquals(expected, answer.text(), answer.toString());
        assertTrue(answer.took().compareTo(PROMPT) < 0, "call took " + answer.took());
    }

    private static void assertUnloaded(PythonHolder.Answer answer) {
        assertFalse(answer.ok(), "a call on a connection of the unloaded driver succeeded: " + answer);
        assertEquals(VIR_ERR_NO_CONNECT, answer.code(), answer.toString());
        assertTrue(answer.text().contains("the Test driver was unloaded"), answer.toString());
        assertTrue(answer.took().compareTo(PROMPT) < 0, "a refused call took " + answer.took());
    }
}
