package io.jvirtd.driver.test.internal;

import static io.jvirtd.driver.test.internal.DriverFixture.assertVirError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.network.NetworkDriver;
import io.jvirtd.api.network.NetworkRef;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Network define / start / destroy / undefine rules of libvirt 9.0's test driver. */
@Timeout(20)
class TestNetworksTest {
    private final DriverFixture fx = new DriverFixture();
    private final DriverConnection conn = fx.openDefault();
    private final NetworkDriver nets = conn.networks();

    @AfterEach
    void close() {
        conn.close();
    }

    private static String xml(String name, UUID uuid, String bridge) {
        return "<network><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + (bridge == null ? "" : "<bridge name='" + bridge + "'/>") + "</network>";
    }

    private List<String> names(int flags) {
        return nets.listAll(flags).stream().map(NetworkRef::name).sorted().toList();
    }

    @Test
    void definedNetworkStartsStopsAndIsUndefinedOnlyWhenInactive() {
        UUID uuid = UUID.randomUUID();
        NetworkRef n = nets.define(xml("n1", uuid, "br9"), 0);
        assertFalse(nets.isActive(n));
        assertTrue(nets.isPersistent(n));
        assertEquals(List.of("n1"), nets.names(false, 10));
        nets.create(n);
        assertTrue(nets.isActive(n));
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST,
                "Requested operation is not valid: Network 'n1' is already running", () -> nets.create(n));
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST,
                "Requested operation is not valid: Network 'n1' is still running", () -> nets.undefine(n));
        assertTrue(nets.isPersistent(n), "a refused undefine changes nothing");
        nets.destroy(n);
        assertFalse(nets.isActive(n));
        nets.destroy(n); // libvirt's test driver does not check that it is active
        nets.undefine(n);
        assertVirError(VirErrorCode.NO_NETWORK, VirErrorDomain.TEST,
                "Network not found: no network with matching name 'n1'", () -> nets.lookupByName("n1"));
        assertVirError(VirErrorCode.NO_NETWORK, VirErrorDomain.TEST,
                "Network not found: no network with matching uuid '" + uuid + "'", () -> nets.isActive(n));
        assertVirError(VirErrorCode.NO_NETWORK, VirErrorDomain.TEST,
                "Network not found: no network with matching name 'n1'", () -> nets.create(n));
    }

    @Test
    void transientNetworkGoesAwayOnDestroyAndAcceptsAutostart() {
        NetworkRef t = nets.createXml(xml("t1", UUID.randomUUID(), "br8"), 0);
        assertTrue(nets.isActive(t));
        assertFalse(nets.isPersistent(t));
        nets.setAutostart(t, true);
        assertTrue(nets.autostart(t));
        assertEquals(List.of("t1"), names(8));
        nets.destroy(t);
        assertEquals(List.of("default"), names(0));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "unsupported flags (0x1) in function testNetworkCreateXMLFlags",
                () -> nets.createXml(xml("t2", UUID.randomUUID(), null), 1));
    }

    @Test
    void definitionClashesAreRefused() {
        NetworkRef def = nets.lookupByName("default");
        UUID other = UUID.randomUUID();
        assertVirError(VirErrorCode.OPERATION_FAILED, VirErrorDomain.NETWORK, "operation failed: network 'default' "
                + "already exists with uuid " + def.uuid(), () -> nets.define(xml("default", other, null), 0));
        assertVirError(VirErrorCode.OPERATION_FAILED, VirErrorDomain.NETWORK, "operation failed: network 'default' "
                + "is already defined with uuid " + def.uuid(), () -> nets.define(xml("n2", def.uuid(), null), 0));
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.NETWORK, "Requested operation is not valid: "
                + "network is already active as 'default'", () -> nets.createXml(xml("default", def.uuid(), null), 0));
    }

    @Test
    void redefiningARunningNetworkKeepsTheLiveDefinitionUntilItStops() {
        NetworkRef def = nets.lookupByName("default");
        nets.define(xml("default", def.uuid(), "virbr7"), 0);
        assertEquals("virbr0", nets.bridgeName(def));
        nets.destroy(def);
        assertEquals("virbr7", nets.bridgeName(def));
    }

    @Test
    void readsAndListFlags() {
        NetworkRef n = nets.define(xml("nobr", UUID.randomUUID(), null), 0);
        assertVirError(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.TEST,
                "internal error: network 'nobr' does not have a bridge name.", () -> nets.bridgeName(n));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "unsupported flags (0x1) in function testNetworkGetXMLDesc", () -> nets.xmlDesc(n, 1));
        assertEquals(List.of("nobr"), names(1));
        assertEquals(List.of("default"), names(2));
        assertEquals(List.of("default", "nobr"), names(4));
        assertEquals(List.of(), names(16));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "unsupported flags (0x40) in function testConnectListAllNetworks", () -> nets.listAll(64));
    }
}
