package io.jvirtd.api.nodedev;

import java.util.List;

import io.jvirtd.api.driver.Unsupported;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The node-device calls of one open connection; devices are named by their libvirt name (e.g.
 * {@code computer}). An unknown device is {@code VIR_ERR_NO_NODE_DEVICE}.
 */
@ConsumerType
public interface NodeDeviceDriver {

    private static VirException unsupported(String api) {
        return Unsupported.api(VirErrorDomain.NODEDEV, api);
    }

    /** {@code virConnectListAllNodeDevices}: names of the devices matching {@code flags}. */
    default List<String> listAll(int flags) {
        throw unsupported("virConnectListAllNodeDevices");
    }

    /** {@code virNodeListDevices}: names of devices with capability {@code cap} (null = all). */
    default List<String> names(String cap, int flags) {
        throw unsupported("virNodeListDevices");
    }

    /** Returns the name if the device exists. */
    default String lookupByName(String name) {
        throw unsupported("virNodeDeviceLookupByName");
    }

    default String xmlDesc(String name, int flags) {
        throw unsupported("virNodeDeviceGetXMLDesc");
    }

    /** The parent's name, or null for the root. */
    default String parent(String name) {
        throw unsupported("virNodeDeviceGetParent");
    }

    default List<String> capabilities(String name) {
        throw unsupported("virNodeDeviceListCaps");
    }
}
