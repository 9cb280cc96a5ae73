package io.jvirtd.driver.test.internal;

import java.util.List;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.nodedev.NodeDeviceDriver;
import io.jvirtd.api.object.ObjectHandle;
import io.jvirtd.driver.test.internal.model.NodeDeviceXml;
import io.jvirtd.driver.test.internal.model.XmlElement;

/** The node-device calls of a test state (read-only: the test driver's devices are fixed). */
final class TestNodeDevices implements NodeDeviceDriver {
    /**
     * virConnectListAllNodeDevicesFlags capability bits, in flag order (SYSTEM 1 &lt;&lt; 0 ...).
     * libvirt 9.0's test driver accepts only these; the ACTIVE / INACTIVE bits virsh sends are refused.
     */
    private static final List<String> CAPABILITY_FLAGS = List.of("system", "pci", "usb_device", "usb", "net",
            "scsi_host", "scsi_target", "scsi", "storage", "fc_host", "vports", "scsi_generic", "drm", "mdev_types",
            "mdev", "ccw", "css", "vdpa", "ap_card", "ap_queue", "ap_matrix", "vpd");

    private final TestState state; // immutable
    private final ObjectAccess<TestNodeDevice> devices; // immutable

    TestNodeDevices(TestState state) {
        this.state = state;
        this.devices = new ObjectAccess<>(state.devices, VirErrorCode.NO_NODE_DEVICE, "node device");
    }

    @Override
    public List<String> listAll(int flags) {
        Errors.checkFlags("testConnectListAllNodeDevices", flags, (1 << CAPABILITY_FLAGS.size()) - 1);
        return state.devices.snapshot().stream().filter(d -> hasCapability(d, flags)).map(TestNodeDevice::name)
                .toList();
    }

    private static boolean hasCapability(TestNodeDevice d, int flags) {
        if (flags == 0) {
            return true;
        }
        for (String type : matchableCapabilities(d)) {
            int bit = CAPABILITY_FLAGS.indexOf(type);
            if (bit >= 0 && (flags & (1 << bit)) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The capability types a filter matches: the top-level ones plus, as libvirt's HasCap does, an
     * scsi_host's nested fc_host and vport_ops (the latter named "vports" in filters).
     */
    private static List<String> matchableCapabilities(TestNodeDevice d) {
        List<String> out = new java.util.ArrayList<>(d.def().capabilityTypes());
        for (XmlElement cap : d.def().capabilities()) {
            if ("scsi_host".equals(cap.attr("type"))) {
                for (XmlElement nested : cap.children("capability")) {
                    String type = nested.attr("type");
                    out.add("vport_ops".equals(type) ? "vports" : type);
                }
            }
        }
        return out;
    }

    @Override
    public List<String> names(String cap, int flags) {
        Errors.checkFlags("testNodeListDevices", flags, 0);
        return state.devices.snapshot().stream()
                .filter(d -> cap == null || matchableCapabilities(d).contains(cap)).map(TestNodeDevice::name).toList();
    }

    private ObjectHandle<TestNodeDevice> named(String name) {
        return state.devices.findByName(name).orElseThrow(() ->
                devices.notFound("no node device with matching name '" + name + "'"));
    }

    @Override
    public String lookupByName(String name) {
        return ObjectAccess.read(named(name), TestNodeDevice::name);
    }

    @Override
    public String xmlDesc(String name, int flags) {
        Errors.checkFlags("testNodeDeviceGetXMLDesc", flags, 0);
        return ObjectAccess.read(named(name), d -> NodeDeviceXml.format(d.def()));
    }

    @Override
    public String parent(String name) {
        return ObjectAccess.read(named(name), d -> d.def().parent());
    }

    @Override
    public List<String> capabilities(String name) {
        return ObjectAccess.read(named(name), d -> d.def().capabilityTypes());
    }
}
