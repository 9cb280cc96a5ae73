package io.jvirtd.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.jvirtd.itests.fakedriver.FakeDriverBundle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The assembled daemon as an operator runs it: {@code bin/jvirtd} in the foreground, hot deployment
 * through deploy/, live configuration through etc/*.cfg, {@code --exec}, and a clean stop on SIGTERM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class DistributionIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private DaemonProcess daemon;

    @BeforeAll
    void startDaemon() throws Exception {
        daemon = new DaemonProcess();
        daemon.start();
        daemon.awaitLine(l -> l.startsWith("jvirtd: started"), DEADLINE, "the daemon started");
    }

    @AfterAll
    void stopDaemon() throws Exception {
        daemon.close();
    }

    @Test
    @Order(1)
    void itReportsWhatItLoadedAndLogsThroughLogback() throws Exception {
        List<String> out = daemon.output();
        for (String bundle : List.of("io.jvirtd.api", "io.jvirtd.core", "io.jvirtd.xdr", "io.jvirtd.shell",
                "org.apache.felix.scr", "ch.qos.logback.classic")) {
            assertTrue(out.stream().anyMatch(l -> l.startsWith("jvirtd: loaded") && l.contains("ACTIVE")
                    && l.contains(bundle)), bundle + " loaded and active:\n" + String.join("\n", out));
        }
        assertTrue(out.stream().noneMatch(l -> l.contains("NOT STARTED")), String.join("\n", out));
        String started = daemon.awaitLine(l -> l.startsWith("jvirtd: started"), DEADLINE, "start line");
        assertTrue(started.contains("22 bundles") || started.matches(".*\\d+ bundles\\)"), started);
        // SLF4J reached logback (not NOP): a core component's line is in data/log/jvirtd.log
        String log = Files.readString(daemon.home().resolve("data/log/jvirtd.log"));
        assertTrue(log.contains("event loop started on thread jvirtd-event-loop"), log);
        assertTrue(log.contains("worker pool libvirtd started: min_workers=5 max_workers=20 prio_workers=5"), log);
    }

    @Test
    @Order(2)
    void aBundleDroppedIntoDeployIsStartedAndRemovedIsStopped() throws Exception {
        Path jar = FakeDriverBundle.writeTo(daemon.home().resolve("deploy/fake-driver.jar"));
        daemon.awaitLine(l -> l.contains("driver Fake bound (scheme fake, bundle " + FakeDriverBundle.SYMBOLIC_NAME),
                DEADLINE, "the deployed driver bound");
        Files.delete(jar);
        daemon.awaitLine(l -> l.contains("driver Fake unbound (bundle " + FakeDriverBundle.SYMBOLIC_NAME),
                DEADLINE, "the removed driver unbound");
    }

    @Test
    @Order(3)
    void anEditedCfgFileAppliesLiveAndAWrongValueKeepsTheOldOne() throws Exception {
        Path cfg = daemon.home().resolve("etc/io.jvirtd.server.cfg");
        String original = Files.readString(cfg);
        Files.writeString(cfg, original.replace("max_workers = 20", "max_workers = 33"));
        daemon.awaitLine(l -> l.contains("worker pool libvirtd reconfigured") && l.contains("maxWorkers=33"),
                DEADLINE, "max_workers=33 applied");
        Files.writeString(cfg, original.replace("max_workers = 20", "max_workers = lots"));
        daemon.awaitLine(l -> l.contains("invalid value 'lots' for max_workers in io.jvirtd.server")
                && l.contains("keeping") && l.contains("maxWorkers=33"), DEADLINE, "the wrong value refused");
    }

    @Test
    @Order(4)
    void execRunsOneCommandAgainstAFreshFramework() throws Exception {
        DaemonProcess.Result ok = daemon.run(DEADLINE, "--exec", "virt:threadpool --no-format");
        assertEquals(0, ok.exitCode(), ok.output());
        assertEquals("admin\t5\t20\t5\t5\t0\t0\nlibvirtd\t5\t20\t5\t5\t5\t0", ok.output().strip());

        DaemonProcess.Result refused = daemon.run(DEADLINE, "--exec", "virt:threadpool --min 50");
        assertEquals(1, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("invalid argument: minWorkers cannot be larger than maxWorkers"),
                refused.output());

        DaemonProcess.Result unknown = daemon.run(DEADLINE, "--exec", "nosuch:command");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.output().contains("Command not found: nosuch:command"), unknown.output());
    }

    @Test
    @Order(5)
    void sigtermStopsTheDaemonCleanly() throws Exception {
        int code = daemon.terminate(DEADLINE);
        assertEquals(0, code, String.join("\n", daemon.output()));
        daemon.awaitLine(l -> l.equals("jvirtd: SIGTERM received, stopping"), DEADLINE, "the signal noticed");
        daemon.awaitLine(l -> l.contains("event loop stopped"), DEADLINE, "the event loop stopped");
        daemon.awaitLine(l -> l.startsWith("jvirtd: stopped"), DEADLINE, "the stop line");
        assertFalse(daemon.isAlive());
    }
}
