package io.jvirtd.xdr.remote;

import static io.jvirtd.api.dispatch.Priority.HIGH;
import static io.jvirtd.api.dispatch.Priority.NORMAL;

/**
 * The REMOTE program's node device procedures. The last argument of each {@code add} is false where libvirt's
 * public API refuses the call on a read-only connection whatever the flags (VIR_ERR_OPERATION_DENIED); calls
 * denied only with some flags are true here and checked by the driver.
 */
final class NodeDeviceProcedureTable {
    private NodeDeviceProcedureTable() {
    }

    static void addTo(ProcedureTable.Builder b) {
        b
                .add(285, "connect_list_all_node_devices", ListAllArgs.class, ConnectListAllNodeDevicesRet.class,
                        HIGH, true)
                .add(111, "node_num_of_devices", NodeNumOfDevicesArgs.class, NumRet.class, HIGH, true)
                .add(112, "node_list_devices", NodeListDevicesArgs.class, NodeDeviceNamesRet.class, HIGH, true)
                .add(113, "node_device_lookup_by_name", NameArgs.class, NodeDeviceRet.class, HIGH, true)
                .add(114, "node_device_get_xml_desc", NameFlagsArgs.class, XmlRet.class, NORMAL, true)
                .add(115, "node_device_get_parent", NameArgs.class, NodeDeviceGetParentRet.class, HIGH, true)
                .add(116, "node_device_num_of_caps", NameArgs.class, NumRet.class, HIGH, true)
                .add(117, "node_device_list_caps", NodeDeviceListCapsArgs.class, NodeDeviceNamesRet.class, HIGH, true);
    }
}
