package io.jvirtd.driver.qemu.internal;

import static io.jvirtd.driver.qemu.internal.QemuFixture.assertVirError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.jvirtd.api.domain.DomainDriver;
import io.jvirtd.api.domain.DomainEvent;
import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.domain.DomainState;
import io.jvirtd.api.domain.QemuMonitorDriver;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The driver with real QEMU guests (TCG, no disk): lifecycle, events, errors, persistence and reattach. */
@Timeout(120)
class QemuDriverTest {
    @TempDir
    Path dir;
    private QemuFixture fx;
    private DomainDriver doms;

    @BeforeEach
    void start() {
        assumeTrue(Files.isExecutable(Path.of(QemuFixture.EMULATOR)), "qemu-system-x86_64 is not installed");
        fx = new QemuFixture(dir, Duration.ofSeconds(3));
        doms = fx.conn.domains();
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
            assertEquals(List.of(), fx.qemuPids(), "no QEMU left behind");
        }
    }

    @Test
    void aDefinedGuestStartsPausesResumesAndIsDestroyedWithEvents() throws Exception {
        DomainRef ref = doms.define(QemuFixture.xml("g1", UUID.randomUUID(), ""), 0);
        fx.expectEvent("g1", DomainEvent.DEFINED, 0);
        assertTrue(Files.exists(dir.resolve("config/g1.xml")));
        assertEquals(new DomainState(DomainState.SHUTOFF, 0), doms.state(ref, 0));
        String config = doms.xmlDesc(ref, 2);
        assertTrue(config.contains("machine='pc-i440fx-"), "the alias pc is stored as QEMU resolves it: " + config);
        assertEquals(config, Files.readString(dir.resolve("config/g1.xml")));

        DomainRef running = doms.create(ref, 0);
        assertEquals(1, running.id());
        fx.expectEvent("g1", DomainEvent.STARTED, 0);
        assertEquals(new DomainState(DomainState.RUNNING, Reasons.RUNNING_BOOTED), doms.state(ref, 0));
        assertTrue(Files.exists(dir.resolve("run/g1.xml")));
        assertTrue(doms.xmlDesc(ref, 0).startsWith("<domain type='qemu' id='1'>"));
        assertEquals(1, fx.qemuPids().size());
        assertTrue(doms.info(ref).cpuTimeNs() >= 0);
        var vcpus = doms.vcpuInfo(ref, 8, 1);
        assertEquals(1, vcpus.size());
        assertEquals(0, vcpus.get(0).number());
        assertTrue(vcpus.get(0).cpu() >= 0, "the host CPU the vCPU thread runs on");

        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.QEMU,
                "Requested operation is not valid: domain is already running", () -> doms.create(ref, 0));

        doms.suspend(ref);
        fx.expectEvent("g1", DomainEvent.SUSPENDED, 0);
        assertEquals(new DomainState(DomainState.PAUSED, Reasons.PAUSED_USER), doms.state(ref, 0));
        doms.resume(ref);
        fx.expectEvent("g1", DomainEvent.RESUMED, 0);
        assertEquals(new DomainState(DomainState.RUNNING, Reasons.RUNNING_UNPAUSED), doms.state(ref, 0));

        String status = ((QemuMonitorDriver) doms).monitorCommand(ref, "{\"execute\":\"query-status\"}", 0);
        assertTrue(status.contains("\"status\":\"running\""), status);

        long t0 = System.nanoTime();
        doms.destroy(ref, 0);
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(2).toNanos(), "destroy is fast");
        fx.expectEvent("g1", DomainEvent.STOPPED, Reasons.EVENT_STOPPED_DESTROYED);
        assertEquals(new DomainState(DomainState.SHUTOFF, Reasons.SHUTOFF_DESTROYED), doms.state(ref, 0));
        assertFalse(Files.exists(dir.resolve("run/g1.xml")));
        assertEquals(List.of(), fx.qemuPids());
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.DOMAIN,
                "Requested operation is not valid: domain is not running", () -> doms.destroy(ref, 0));

        doms.undefine(ref, 0);
        fx.expectEvent("g1", DomainEvent.UNDEFINED, 0);
        assertFalse(Files.exists(dir.resolve("config/g1.xml")));
    }

    @Test
    void aGuestStoppedFromInsideQemuIsSeenPausedAndAKilledOneCrashed() throws Exception {
        DomainRef ref = doms.createXml(QemuFixture.xml("t1", UUID.randomUUID(), ""), 0);
        fx.expectEvent("t1", DomainEvent.STARTED, 0);
        assertFalse(doms.isPersistent(ref));
        ((QemuMonitorDriver) doms).monitorCommand(ref, "{\"execute\":\"stop\"}", 0);
        fx.expectEvent("t1", DomainEvent.SUSPENDED, 0);
        assertEquals(DomainState.PAUSED, doms.state(ref, 0).state());
        HostProcesses.kill(fx.qemuPids().get(0));
        fx.expectEvent("t1", DomainEvent.STOPPED, Reasons.EVENT_STOPPED_FAILED);
        assertVirError(VirErrorCode.NO_DOMAIN, VirErrorDomain.QEMU, "Domain not found: no domain with matching uuid '"
                + ref.uuid() + "' (t1)", () -> doms.state(ref, 0));
        assertFalse(Files.exists(dir.resolve("run/t1.xml")));
    }

    @Test
    void aQemuThatQuitsAfterShuttingDownIsShutOffWithReasonShutdown() throws Exception {
        QemuMonitorDriver qemu = (QemuMonitorDriver) doms;
        DomainRef ref = doms.create(doms.define(QemuFixture.xml("q1", UUID.randomUUID(), ""), 0), 0);
        fx.expectEvent("q1", DomainEvent.DEFINED, 0);
        fx.expectEvent("q1", DomainEvent.STARTED, 0);
        assertTrue(qemu.monitorCommand(ref, "info status", 1).startsWith("VM status: running"));
        qemu.monitorCommand(ref, "{\"execute\":\"quit\"}", 0);
        fx.expectEvent("q1", DomainEvent.SHUTDOWN, Reasons.EVENT_SHUTDOWN_HOST);
        fx.expectEvent("q1", DomainEvent.STOPPED, Reasons.EVENT_STOPPED_SHUTDOWN);
        assertEquals(new DomainState(DomainState.SHUTOFF, Reasons.SHUTOFF_SHUTDOWN), doms.state(ref, 0));
        assertFalse(Files.exists(dir.resolve("run/q1.xml")));
    }

    @Test
    void runningGuestsAreReattachedByANewDriverInstanceAndDeadOnesShutOff() throws Exception {
        DomainRef a = doms.create(doms.define(QemuFixture.xml("a", UUID.randomUUID(), ""), 0), 0);
        DomainRef b = doms.create(doms.define(QemuFixture.xml("b", UUID.randomUUID(), ""), 0), 0);
        DomainRef t = doms.createXml(QemuFixture.xml("t", UUID.randomUUID(), ""), 0);
        doms.suspend(b);
        fx.stopDriver();
        long pidOfA = Long.parseLong(Files.readString(dir.resolve("run/a.pid")).trim());
        HostProcesses.kill(pidOfA);
        QemuFixture.await("a's QEMU is gone", () -> !HostProcesses.alive(pidOfA));

        fx.startDriver();
        doms = fx.conn.domains();
        assertEquals(new DomainState(DomainState.SHUTOFF, Reasons.SHUTOFF_UNKNOWN), doms.state(a, 0));
        assertEquals(new DomainState(DomainState.PAUSED, Reasons.PAUSED_USER), doms.state(b, 0));
        assertEquals(DomainState.RUNNING, doms.state(t, 0).state());
        assertEquals(b.id(), doms.lookupByName("b").id());
        assertFalse(doms.isPersistent(t));
        doms.resume(b);
        assertEquals(DomainState.RUNNING, doms.state(b, 0).state());
        DomainRef a2 = doms.create(a, 0);
        assertTrue(a2.id() > t.id(), "ids are not reused: " + a2.id());
        for (DomainRef r : List.of(a, b, t)) {
            doms.destroy(r, 0);
        }
        assertEquals(List.of(), fx.qemuPids());
    }

    @Test
    void aGuestWhoseMonitorHangsBlocksOnlyItsOwnJobsAndTheTimeoutNamesTheHolder() throws Exception {
        DomainRef hung = doms.createXml(QemuFixture.xml("hung", UUID.randomUUID(), ""), 0);
        DomainRef fine = doms.createXml(QemuFixture.xml("fine", UUID.randomUUID(), ""), 0);
        long pid = Long.parseLong(Files.readString(dir.resolve("run/hung.pid")).trim());
        ProcessHandle.of(pid).orElseThrow();
        new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor();
        Thread holder = new Thread(() -> {
            try {
                doms.suspend(hung);
            } catch (RuntimeException e) {
                // the destroy below ends it
            }
        }, "suspender");
        holder.start();
        QemuFixture.await("suspend holds the job", () -> fx.model.activeJobs().stream().anyMatch(j ->
                j.objectName().equals("hung")));
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.jvirtd.api.error.VirException.class,
                () -> doms.resume(hung));
        assertEquals(VirErrorCode.OPERATION_TIMEOUT, e.code());
        assertTrue(e.getMessage().contains("virDomainSuspend") && e.getMessage().contains("suspender"), e.getMessage());
        // the other guest and every read still answer
        doms.suspend(fine);
        doms.resume(fine);
        assertEquals(DomainState.RUNNING, doms.state(hung, 0).state());
        assertEquals(2, doms.listAll(0).size());
        doms.info(hung);
        long t0 = System.nanoTime();
        doms.destroy(hung, 0);
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(3).toNanos(), "destroy of a frozen guest is fast");
        holder.join(10_000);
        assertFalse(holder.isAlive());
        doms.destroy(fine, 0);
    }

    @Test
    void badInputIsRefusedWithLibvirtsErrorsAndLeavesNothingBehind() throws Exception {
        UUID u = UUID.randomUUID();
        doms.define(QemuFixture.xml("dup", u, ""), 0);
        assertVirError(VirErrorCode.OPERATION_FAILED, VirErrorDomain.DOMAIN, "operation failed: domain 'dup' already "
                + "exists with uuid " + u, () -> doms.define(QemuFixture.xml("dup", UUID.randomUUID(), ""), 0));
        assertVirError(VirErrorCode.OPERATION_FAILED, VirErrorDomain.DOMAIN, "operation failed: domain 'dup' is "
                + "already defined with uuid " + u, () -> doms.define(QemuFixture.xml("other", u, ""), 0));
        assertVirError(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                "XML error: (domain_definition):1: XML document structures must start and end within the same entity.",
                () -> doms.define("<domain type='qemu'>", 0));
        assertVirError(VirErrorCode.SYSTEM_ERROR, VirErrorDomain.QEMU, "Cannot check QEMU binary /nonexistent/qemu: "
                + "No such file or directory", () -> doms.define(QemuFixture.xml("x", UUID.randomUUID(), "")
                        .replace(QemuFixture.EMULATOR, "/nonexistent/qemu"), 0));
        String missingDisk = "<disk type='file' device='disk'><source file='" + dir.resolve("nope.img")
                + "'/><target dev='vda'/></disk>";
        DomainRef m = doms.define(QemuFixture.xml("m", UUID.randomUUID(), missingDisk), 0);
        assertVirError(VirErrorCode.SYSTEM_ERROR, VirErrorDomain.STORAGE, "Cannot access storage file '"
                + dir.resolve("nope.img") + "': No such file or directory", () -> doms.create(m, 0));
        assertEquals(new DomainState(DomainState.SHUTOFF, 0), doms.state(m, 0));
        // QEMU itself refuses: a raw file that is not qcow2
        Path junk = Files.writeString(dir.resolve("junk.img"), "not an image");
        DomainRef q = doms.define(QemuFixture.xml("q", UUID.randomUUID(), "<disk type='file' device='disk'><driver "
                + "name='qemu' type='qcow2'/><source file='" + junk + "'/><target dev='vda'/></disk>"), 0);
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.jvirtd.api.error.VirException.class,
                () -> doms.create(q, 0));
        assertEquals(VirErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("internal error: process exited while connecting to monitor: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("qcow2"), e.getMessage());
        assertEquals(List.of(), fx.qemuPids());
        try (var files = Files.list(dir.resolve("run"))) {
            assertEquals(List.of(), files.toList());
        }
        try (var files = Files.list(dir.resolve("config"))) {
            assertEquals(3, files.count(), "dup, m and q; no temporary file");
        }
        assertVirError(VirErrorCode.CONFIG_UNSUPPORTED, VirErrorDomain.QEMU, "unsupported configuration: Emulator '"
                + QemuFixture.EMULATOR + "' does not support machine type 'pc-i440fx-1.0'", () -> doms.define(
                        QemuFixture.xml("old", UUID.randomUUID(), "").replace("<type>hvm", "<type machine="
                                + "'pc-i440fx-1.0'>hvm"), 0));
        assertVirError(VirErrorCode.CONFIG_UNSUPPORTED, VirErrorDomain.QEMU, "unsupported configuration: element "
                + "<hostdev> (/domain/devices/hostdev) is not supported by the QEMU driver",
                () -> doms.createXml(QemuFixture.xml("h", UUID.randomUUID(), "<hostdev/>"), 0));
    }
}
