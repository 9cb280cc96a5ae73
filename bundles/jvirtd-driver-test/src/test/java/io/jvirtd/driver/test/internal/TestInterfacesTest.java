package io.jvirtd.driver.test.internal;

import static io.jvirtd.driver.test.internal.DriverFixture.assertVirError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.iface.InterfaceDriver;
import io.jvirtd.api.iface.InterfaceRef;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Host interfaces: define, start/stop, undefine (allowed while active) and MAC look-ups. */
@Timeout(20)
class TestInterfacesTest {
    private final DriverFixture fx = new DriverFixture();
    private final DriverConnection conn = fx.openDefault();
    private final InterfaceDriver ifaces = conn.interfaces();

    @AfterEach
    void close() {
        conn.close();
    }

    private static String xml(String name, String mac) {
        return "<interface type='ethernet' name='" + name + "'><start mode='onboot'/><mac address='" + mac
                + "'/></interface>";
    }

    @Test
    void defineStartStopUndefine() {
        InterfaceRef e = ifaces.define(xml("eth2", "52:54:00:00:00:02"), 0);
        assertFalse(ifaces.isActive(e));
        assertEquals(List.of("eth2"), ifaces.names(false, 10));
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, "Requested operation is not valid",
                () -> ifaces.destroy(e, 0));
        ifaces.create(e, 0);
        assertTrue(ifaces.isActive(e));
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, "Requested operation is not valid",
                () -> ifaces.create(e, 0));
        ifaces.define(xml("eth2", "52:54:00:00:00:03"), 0);
        assertTrue(ifaces.isActive(e), "redefining keeps the active state");
        assertEquals("eth2", ifaces.lookupByMac("52:54:00:00:00:03").name());
        ifaces.undefine(e);
        assertVirError(VirErrorCode.NO_INTERFACE, VirErrorDomain.TEST,
                "Interface not found: no interface with matching name 'eth2'", () -> ifaces.lookupByName("eth2"));
    }

    @Test
    void macLookupsAreCaseInsensitiveAndRefuseAmbiguity() {
        assertEquals("eth1", ifaces.lookupByMac("AA:BB:CC:DD:EE:FF").name());
        assertVirError(VirErrorCode.NO_INTERFACE, VirErrorDomain.TEST,
                "Interface not found: no interface with matching mac '00:11:22:33:44:55'",
                () -> ifaces.lookupByMac("00:11:22:33:44:55"));
        ifaces.define(xml("eth9", "aa:bb:cc:dd:ee:ff"), 0);
        assertVirError(VirErrorCode.MULTIPLE_INTERFACES, VirErrorDomain.TEST, "multiple matching interfaces found",
                () -> ifaces.lookupByMac("aa:bb:cc:dd:ee:ff"));
    }

    @Test
    void listAllFilters() {
        ifaces.define(xml("eth3", "52:54:00:00:00:04"), 0);
        assertEquals(List.of("eth1", "eth3"), ifaces.listAll(0).stream().map(InterfaceRef::name).sorted().toList());
        assertEquals(List.of("eth1"), ifaces.listAll(2).stream().map(InterfaceRef::name).toList());
        assertEquals(List.of("eth3"), ifaces.listAll(1).stream().map(InterfaceRef::name).toList());
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "unsupported flags (0x4) in function testConnectListAllInterfaces", () -> ifaces.listAll(4));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "unsupported flags (0x1) in function testInterfaceGetXMLDesc",
                () -> ifaces.xmlDesc(ifaces.lookupByName("eth1"), 1));
    }
}
