package io.jvirtd.driver.test.internal;

import static io.jvirtd.driver.test.internal.DriverFixture.assertVirError;
import static io.jvirtd.driver.test.internal.DriverFixture.domainXml;
import static io.jvirtd.driver.test.internal.DriverFixture.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.jvirtd.api.domain.DomainDriver;
import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.domain.DomainState;
import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Domain lifecycle, ids, persistence and the flag-driven calls of libvirt 9.0's test driver. */
@Timeout(20)
class TestDomainsTest {
    private static final int XML_INACTIVE = 2;
    private static final int LIVE = 1;
    private static final int CONFIG = 2;
    private static final int MAXIMUM = 4;

    private final DriverFixture fx = new DriverFixture();
    private final DriverConnection conn = fx.openDefault();
    private final DomainDriver domains = conn.domains();

    @AfterEach
    void close() {
        conn.close();
        assertTrue(fx.locks.snapshot().isEmpty(), "no lock left held: " + fx.locks.snapshot());
        assertTrue(fx.model.activeJobs().isEmpty(), "no job left active: " + fx.model.activeJobs());
    }

    private DomainState state(DomainRef d) {
        return domains.state(d, 0);
    }

    private DomainRef define(String name) {
        return domains.define(domainXml(name, UUID.randomUUID()), 0);
    }

    @Test
    void lifecycleMovesThroughLibvirtStatesReasonsAndIds() {
        DomainRef d = define("vm");
        assertEquals(new DomainState(DomainState.SHUTOFF, 0), state(d));
        assertEquals(-1, d.id());
        assertTrue(domains.isPersistent(d));
        assertFalse(domains.isActive(d));

        DomainRef running = domains.create(d, 0);
        assertEquals(2, running.id(), "test:///default's `test` consumed id 1");
        assertEquals(new DomainState(DomainState.RUNNING, 1), state(d));
        assertEquals(running, domains.lookupById(2));

        domains.suspend(d);
        assertEquals(new DomainState(DomainState.PAUSED, 1), state(d));
        domains.resume(d);
        assertEquals(new DomainState(DomainState.RUNNING, 5), state(d));
        domains.shutdown(d, 0);
        assertEquals(new DomainState(DomainState.SHUTOFF, 1), state(d));
        assertEquals(-1, domains.lookupByName("vm").id());

        assertEquals(3, domains.create(d, 0).id(), "a restart gets a new id");
        domains.destroy(d, 0);
        assertEquals(new DomainState(DomainState.SHUTOFF, 2), state(d));

        domains.undefine(d, 0);
        assertVirError(VirErrorCode.NO_DOMAIN, VirErrorDomain.TEST, "Domain not found",
                () -> domains.lookupByName("vm"));
        assertVirError(VirErrorCode.NO_DOMAIN, VirErrorDomain.TEST, "Domain not found: no domain with matching uuid '"
                + d.uuid() + "' (vm)", () -> state(d));
    }

    @Test
    void invalidTransitionsFailWithLibvirtErrors() {
        DomainRef d = define("vm");
        assertVirError(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.TEST, "internal error: domain 'vm' not running",
                () -> domains.suspend(d));
        assertVirError(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.TEST, "internal error: domain 'vm' not paused",
                () -> domains.resume(d));
        assertVirError(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.TEST, "internal error: domain 'vm' not running",
                () -> domains.shutdown(d, 0));
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.DOMAIN,
                "Requested operation is not valid: domain is not running", () -> domains.destroy(d, 0));
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.DOMAIN,
                "Requested operation is not valid: domain is not running", () -> domains.reboot(d, 0));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "unsupported flags (0x1) in function testDomainCreateWithFlags", () -> domains.create(d, 1));

        domains.create(d, 0);
        assertVirError(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.TEST,
                "internal error: Domain 'vm' is already running", () -> domains.create(d, 0));
        assertVirError(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.TEST, "internal error: domain 'vm' not paused",
                () -> domains.resume(d));
        domains.suspend(d);
        assertVirError(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.TEST, "internal error: domain 'vm' not running",
                () -> domains.suspend(d));
        assertVirError(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.TEST,
                "internal error: Domain 'vm' is already running", () -> domains.create(d, 0));

        domains.shutdown(d, 0);
        assertEquals(new DomainState(DomainState.SHUTOFF, 1), state(d), "a paused domain can be shut down");
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "unsupported flags (0x1) in function testDomainShutdownFlags", () -> domains.shutdown(d, 1));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.DOMAIN,
                "invalid argument: Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually "
                        + "exclusive", () -> domains.vcpuCount(d, LIVE | CONFIG));
    }

    @Test
    void rebootKeepsTheIdAndShutdownHonoursOnPoweroff() {
        DomainRef d = domains.create(domains.define(domainXml("rr", UUID.randomUUID(), 8192,
                "<on_poweroff>restart</on_poweroff>"), 0), 0);
        domains.reboot(d, 0);
        assertEquals(new DomainState(DomainState.RUNNING, 1), state(d));
        assertEquals(d.id(), domains.lookupByName("rr").id());
        domains.shutdown(d, 0);
        assertEquals(new DomainState(DomainState.RUNNING, 1), state(d), "on_poweroff restart keeps it running");
        assertEquals(d.id(), domains.lookupByName("rr").id());
    }

    @Test
    void idsAreNeverReused() {
        List<Integer> ids = new ArrayList<>();
        DomainRef a = define("a");
        for (int i = 0; i < 3; i++) {
            ids.add(domains.create(a, 0).id());
            domains.destroy(a, 0);
            DomainRef t = domains.createXml(domainXml("t" + i, UUID.randomUUID()), 0);
            ids.add(t.id());
            domains.destroy(t, 0);
        }
        assertEquals(List.of(2, 3, 4, 5, 6, 7), ids);
        assertVirError(VirErrorCode.NO_DOMAIN, VirErrorDomain.TEST, "Domain not found", () -> domains.lookupById(2));
    }

    @Test
    void transientDomainDisappearsWhenItStops() {
        DomainRef t = domains.createXml(domainXml("tr", UUID.randomUUID()), 0);
        assertEquals(new DomainState(DomainState.RUNNING, 1), state(t));
        assertFalse(domains.isPersistent(t));
        domains.destroy(t, 0);
        assertVirError(VirErrorCode.NO_DOMAIN, VirErrorDomain.TEST, "Domain not found",
                () -> domains.lookupByName("tr"));

        DomainRef s = domains.createXml(domainXml("ts", UUID.randomUUID()), 0);
        domains.shutdown(s, 0);
        assertVirError(VirErrorCode.NO_DOMAIN, VirErrorDomain.TEST, "Domain not found",
                () -> domains.lookupByName("ts"));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "unsupported flags (0x1) in function testDomainCreateXML",
                () -> domains.createXml(domainXml("x", UUID.randomUUID()), 1));
    }

    @Test
    void undefineOfARunningDomainLeavesItRunningAndTransient() {
        DomainRef d = domains.create(define("vm"), 0);
        domains.undefine(d, 0);
        assertTrue(domains.isActive(d));
        assertFalse(domains.isPersistent(d));
        assertEquals(new DomainState(DomainState.RUNNING, 1), state(d));
        domains.destroy(d, 0);
        assertVirError(VirErrorCode.NO_DOMAIN, VirErrorDomain.TEST, "Domain not found",
                () -> domains.lookupByName("vm"));
    }

    @Test
    void redefiningARunningDomainKeepsTheLiveDefinitionUntilTheNextStart() {
        UUID uuid = UUID.randomUUID();
        DomainRef d = domains.create(domains.define(domainXml("vm", uuid, 8192, ""), 0), 0);
        domains.define(domainXml("vm", uuid, 16384, ""), 0);
        assertEquals(8192, domains.info(d).maxMemoryKiB(), "live definition unchanged");
        assertTrue(domains.xmlDesc(d, 0).contains("<memory unit='KiB'>8192</memory>"), domains.xmlDesc(d, 0));
        assertTrue(domains.xmlDesc(d, XML_INACTIVE).contains("<memory unit='KiB'>16384</memory>"));
        assertEquals(8192, domains.maxMemory(d));

        domains.destroy(d, 0);
        assertEquals(16384, domains.info(d).maxMemoryKiB(), "the pending definition took over");
        domains.create(d, 0);
        assertTrue(domains.xmlDesc(d, 0).contains("<memory unit='KiB'>16384</memory>"));
    }

    @Test
    void defineRefusesNameOrUuidClashes() {
        UUID uuid = UUID.randomUUID();
        DomainRef d = domains.define(domainXml("vm", uuid), 0);
        UUID other = UUID.randomUUID();
        assertVirError(VirErrorCode.OPERATION_FAILED, VirErrorDomain.DOMAIN, "operation failed: domain 'vm' already "
                + "exists with uuid " + uuid, () -> domains.define(domainXml("vm", other), 0));
        assertVirError(VirErrorCode.OPERATION_FAILED, VirErrorDomain.DOMAIN, "operation failed: domain 'vm' is "
                + "already defined with uuid " + uuid, () -> domains.define(domainXml("vm2", uuid), 0));
        domains.create(d, 0);
        assertVirError(VirErrorCode.OPERATION_FAILED, VirErrorDomain.DOMAIN, "operation failed: domain 'vm' is "
                + "already defined with uuid " + uuid, () -> domains.define(domainXml("vm2", uuid), 0));
        assertVirError(VirErrorCode.OPERATION_FAILED, VirErrorDomain.DOMAIN, "operation failed: domain 'vm' is "
                + "already defined with uuid " + uuid, () -> domains.createXml(domainXml("vm2", uuid), 0));
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.DOMAIN, "Requested operation is not valid: "
                + "domain 'vm' is already active", () -> domains.createXml(domainXml("vm", uuid), 0));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "unsupported flags (0x2) in function testDomainDefineXMLFlags",
                () -> domains.define(domainXml("z", UUID.randomUUID()), 2));
    }

    @Test
    void createXmlOverAnInactivePersistentDomainStartsItWithTheNewDefinition() {
        UUID uuid = UUID.randomUUID();
        DomainRef d = domains.define(domainXml("vm", uuid, 8192, ""), 0);
        DomainRef started = domains.createXml(domainXml("vm", uuid, 16384, ""), 0);
        assertEquals(2, started.id());
        assertTrue(domains.isPersistent(d), "stays persistent");
        assertEquals(16384, domains.info(d).maxMemoryKiB(), "runs the new XML");
        assertTrue(domains.xmlDesc(d, XML_INACTIVE).contains("<memory unit='KiB'>8192</memory>"),
                "the old definition stays the persistent config");
        domains.destroy(d, 0);
        assertEquals(8192, domains.info(d).maxMemoryKiB());
    }

    @Test
    void listAllFiltersByEveryFlagPair() {
        DomainRef off = define("off");
        domains.setAutostart(off, true);
        domains.createXml(domainXml("tr", UUID.randomUUID()), 0);
        DomainRef pz = domains.create(define("pz"), 0);
        domains.suspend(pz);

        assertEquals(List.of("off", "pz", "test", "tr"), names(domains.listAll(0)));
        assertEquals(List.of("pz", "test", "tr"), names(domains.listAll(1)));
        assertEquals(List.of("off"), names(domains.listAll(2)));
        assertEquals(List.of("off", "pz", "test", "tr"), names(domains.listAll(1 | 2)));
        assertEquals(List.of("off", "pz", "test"), names(domains.listAll(4)));
        assertEquals(List.of("tr"), names(domains.listAll(8)));
        assertEquals(List.of("test", "tr"), names(domains.listAll(16)));
        assertEquals(List.of("pz"), names(domains.listAll(32)));
        assertEquals(List.of("off"), names(domains.listAll(64)));
        assertEquals(List.of("off", "pz"), names(domains.listAll(32 | 64)));
        assertEquals(List.of(), names(domains.listAll(128)));
        assertEquals(List.of(), names(domains.listAll(256)));
        assertEquals(List.of("off", "pz", "test", "tr"), names(domains.listAll(512)));
        assertEquals(List.of("off"), names(domains.listAll(1024)));
        assertEquals(List.of("pz", "test", "tr"), names(domains.listAll(2048)));
        assertEquals(List.of(), names(domains.listAll(4096)));
        assertEquals(List.of("off", "pz", "test", "tr"), names(domains.listAll(8192)));
        assertEquals(List.of(), names(domains.listAll(16384)));
        assertEquals(List.of("off", "pz", "test", "tr"), names(domains.listAll(32768)));
        assertEquals(List.of("pz"), names(domains.listAll(4 | 1 | 32)));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "unsupported flags (0x100000) in function testConnectListAllDomains",
                () -> domains.listAll(0x100000 | 1));
    }

    @Test
    void setMemoryFollowsTheLiveConfigAndMaximumFlags() {
        DomainRef d = define("vm");
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.DOMAIN,
                "Requested operation is not valid: domain is not running", () -> domains.setMemory(d, 2048, LIVE));
        domains.setMemory(d, 16384, MAXIMUM);
        assertEquals(16384, domains.info(d).maxMemoryKiB(), "inactive: MAXIMUM sets the config total");
        domains.setMemory(d, 1024, MAXIMUM);
        assertEquals(1024, domains.info(d).memoryKiB(), "current memory is clamped to the new maximum");
        domains.setMemory(d, 8192, MAXIMUM);

        domains.create(d, 0);
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, "Requested operation is not valid: "
                + "cannot resize the maximum memory on an active domain", () -> domains.setMemory(d, 4096, MAXIMUM));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "invalid argument: cannot set memory higher than max memory", () -> domains.setMemory(d, 8193, LIVE));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.DOMAIN, "invalid argument: Flags "
                + "'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive",
                () -> domains.setMemory(d, 2048, LIVE | CONFIG));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "unsupported flags (0x8) in function testDomainSetMemoryFlags", () -> domains.setMemory(d, 2048, 8));

        domains.setMemory(d, 2048, 0);
        assertEquals(2048, domains.info(d).memoryKiB(), "CURRENT on a running domain is LIVE");
        domains.setMemory(d, 3072, CONFIG);
        assertEquals(2048, domains.info(d).memoryKiB(), "CONFIG leaves the live definition alone");
        assertTrue(domains.xmlDesc(d, XML_INACTIVE).contains("<currentMemory unit='KiB'>3072</currentMemory>"));
        domains.destroy(d, 0);
        assertEquals(3072, domains.info(d).memoryKiB(), "the config change applies from the next start");

        DomainRef t = domains.createXml(domainXml("tr", UUID.randomUUID()), 0);
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.DOMAIN, "Requested operation is not valid: "
                + "transient domains do not have any persistent config", () -> domains.setMemory(t, 2048, CONFIG));
    }

    @Test
    void setVcpusFollowsTheLiveConfigAndMaximumFlags() {
        DomainRef d = define("vm");
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.DOMAIN,
                "invalid argument: nvcpus in virDomainSetVcpusFlags must not be zero", () -> domains.setVcpus(d, 0, 0));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.DOMAIN, "invalid argument: Flag "
                + "'VIR_DOMAIN_AFFECT_CONFIG' is required by flag 'VIR_DOMAIN_VCPU_MAXIMUM'",
                () -> domains.setVcpus(d, 2, MAXIMUM));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "invalid argument: requested cpu amount exceeds maximum supported amount (33 > 32)",
                () -> domains.setVcpus(d, 33, CONFIG));
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.DOMAIN,
                "Requested operation is not valid: domain is not running", () -> domains.setVcpus(d, 1, LIVE));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "invalid argument: requested cpu amount exceeds maximum (3 > 2)", () -> domains.setVcpus(d, 3, 0));
        domains.setVcpus(d, 4, CONFIG | MAXIMUM);
        assertEquals(4, domains.vcpuCount(d, CONFIG | MAXIMUM));
        assertEquals(1, domains.vcpuCount(d, CONFIG));

        domains.create(d, 0);
        domains.setVcpus(d, 3, LIVE | CONFIG);
        assertEquals(3, domains.vcpuCount(d, LIVE));
        assertEquals(3, domains.vcpuCount(d, CONFIG));
        domains.setVcpus(d, 2, LIVE);
        assertEquals(2, domains.vcpuCount(d, 0));
        assertEquals(3, domains.vcpuCount(d, CONFIG), "LIVE leaves the config alone");
        domains.destroy(d, 0);
        assertEquals(3, domains.vcpuCount(d, 0));
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.DOMAIN,
                "Requested operation is not valid: domain is not running", () -> domains.maxVcpus(d));
    }
}
