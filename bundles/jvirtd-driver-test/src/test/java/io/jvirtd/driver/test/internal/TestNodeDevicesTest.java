package io.jvirtd.driver.test.internal;

import static io.jvirtd.driver.test.internal.DriverFixture.assertVirError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.nodedev.NodeDeviceDriver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Node devices: capability filtering (nested caps included) and the flags libvirt 9.0 refuses. */
@Timeout(20)
class TestNodeDevicesTest {
    private static final int SYSTEM = 1;
    private static final int SCSI_HOST = 1 << 5;
    private static final int FC_HOST = 1 << 9;
    private static final int VPORTS = 1 << 10;

    private final DriverFixture fx = new DriverFixture();
    private final DriverConnection conn = fx.openDefault();
    private final NodeDeviceDriver devs = conn.nodeDevices();

    @AfterEach
    void close() {
        conn.close();
    }

    @Test
    void listAllRefusesTheActiveAndInactiveFlags() {
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "unsupported flags (0x80000000) in function testConnectListAllNodeDevices",
                () -> devs.listAll(0x80000000));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "unsupported flags (0x40000000) in function testConnectListAllNodeDevices",
                () -> devs.listAll(0x40000000 | SYSTEM));
    }

    @Test
    void capabilityFiltersMatchNestedCapabilities() {
        assertEquals(List.of("computer", "scsi_host1", "scsi_host2", "scsi_host11"), devs.listAll(0));
        assertEquals(List.of("computer"), devs.listAll(SYSTEM));
        assertEquals(List.of("scsi_host1", "scsi_host2", "scsi_host11"), devs.listAll(SCSI_HOST));
        assertEquals(List.of("scsi_host1", "scsi_host2", "scsi_host11"), devs.listAll(FC_HOST));
        assertEquals(List.of("scsi_host1", "scsi_host2"), devs.listAll(VPORTS));
        assertEquals(List.of("computer", "scsi_host1", "scsi_host2", "scsi_host11"), devs.listAll(SYSTEM | FC_HOST));
        assertEquals(List.of("scsi_host1", "scsi_host2", "scsi_host11"), devs.names("fc_host", 0));
        assertEquals(List.of("computer"), devs.names("system", 0));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                "unsupported flags (0x1) in function testNodeListDevices", () -> devs.names(null, 1));
    }

    @Test
    void lookupsParentsAndTopLevelCaps() {
        assertEquals("scsi_host1", devs.parent("scsi_host11"));
        assertEquals(null, devs.parent("computer"));
        assertEquals(List.of("scsi_host"), devs.capabilities("scsi_host1"));
        assertEquals(List.of("system"), devs.capabilities("computer"));
        assertVirError(VirErrorCode.NO_NODE_DEVICE, VirErrorDomain.TEST,
                "Node device not found: no node device with matching name 'nope'", () -> devs.lookupByName("nope"));
    }
}
