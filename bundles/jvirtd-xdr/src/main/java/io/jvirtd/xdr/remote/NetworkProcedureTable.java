package io.jvirtd.xdr.remote;

import static io.jvirtd.api.dispatch.Priority.HIGH;
import static io.jvirtd.api.dispatch.Priority.NORMAL;

import io.jvirtd.xdr.codec.XdrVoid;

/**
 * The REMOTE program's network procedures. The last argument of each {@code add} is false where libvirt's public
 * API refuses the call on a read-only connection whatever the flags (VIR_ERR_OPERATION_DENIED); calls denied
 * only with some flags are true here and checked by the driver.
 */
final class NetworkProcedureTable {
    private NetworkProcedureTable() {
    }

    static void addTo(ProcedureTable.Builder b) {
        b
                .add(283, "connect_list_all_networks", ListAllArgs.class, ConnectListAllNetworksRet.class, HIGH, true)
                .add(52, "connect_num_of_networks", XdrVoid.class, NumRet.class, HIGH, true)
                .add(38, "connect_list_networks", MaxnamesArgs.class, NamesRet.class, HIGH, true)
                .add(50, "connect_num_of_defined_networks", XdrVoid.class, NumRet.class, HIGH, true)
                .add(36, "connect_list_defined_networks", MaxnamesArgs.class, NamesRet.class, HIGH, true)
                .add(46, "network_lookup_by_name", NameArgs.class, NetworkRet.class, HIGH, true)
                .add(47, "network_lookup_by_uuid", UuidArgs.class, NetworkRet.class, HIGH, true)
                .add(43, "network_get_xml_desc", NetworkFlagsArgs.class, XmlRet.class, HIGH, true)
                .add(39, "network_create", NetworkArgs.class, XdrVoid.class, NORMAL, false)
                .add(40, "network_create_xml", XmlArgs.class, NetworkRet.class, NORMAL, false)
                .add(437, "network_create_xml_flags", XmlFlagsArgs.class, NetworkRet.class, HIGH, false)
                .add(42, "network_destroy", NetworkArgs.class, XdrVoid.class, HIGH, false)
                .add(41, "network_define_xml", XmlArgs.class, NetworkRet.class, HIGH, false)
                .add(432, "network_define_xml_flags", XmlFlagsArgs.class, NetworkRet.class, HIGH, false)
                .add(49, "network_undefine", NetworkArgs.class, XdrVoid.class, HIGH, false)
                .add(152, "network_is_active", NetworkArgs.class, ActiveRet.class, HIGH, true)
                .add(153, "network_is_persistent", NetworkArgs.class, PersistentRet.class, HIGH, true)
                .add(44, "network_get_autostart", NetworkArgs.class, AutostartRet.class, HIGH, true)
                .add(48, "network_set_autostart", NetworkSetAutostartArgs.class, XdrVoid.class, HIGH, false)
                .add(45, "network_get_bridge_name", NetworkArgs.class, NameRet.class, HIGH, true);
    }
}
