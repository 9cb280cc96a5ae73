package io.jvirtd.xdr.remote;

import static io.jvirtd.api.dispatch.Priority.HIGH;
import static io.jvirtd.api.dispatch.Priority.NORMAL;

import io.jvirtd.xdr.codec.XdrVoid;

/**
 * The REMOTE program's host interface procedures. The last argument of each {@code add} is false where libvirt's
 * public API refuses the call on a read-only connection whatever the flags (VIR_ERR_OPERATION_DENIED); calls
 * denied only with some flags are true here and checked by the driver.
 */
final class InterfaceProcedureTable {
    private InterfaceProcedureTable() {
    }

    static void addTo(ProcedureTable.Builder b) {
        b
                .add(284, "connect_list_all_interfaces", ListAllArgs.class, ConnectListAllInterfacesRet.class,
                        HIGH, true)
                .add(126, "connect_num_of_interfaces", XdrVoid.class, NumRet.class, HIGH, true)
                .add(127, "connect_list_interfaces", MaxnamesArgs.class, NamesRet.class, HIGH, true)
                .add(137, "connect_num_of_defined_interfaces", XdrVoid.class, NumRet.class, HIGH, true)
                .add(138, "connect_list_defined_interfaces", MaxnamesArgs.class, NamesRet.class, HIGH, true)
                .add(128, "interface_lookup_by_name", NameArgs.class, InterfaceRet.class, HIGH, true)
                .add(129, "interface_lookup_by_mac_string", InterfaceLookupByMacStringArgs.class, InterfaceRet.class,
                        HIGH, true)
                .add(130, "interface_get_xml_desc", InterfaceFlagsArgs.class, XmlRet.class, NORMAL, true)
                .add(156, "interface_is_active", InterfaceArgs.class, ActiveRet.class, HIGH, true)
                .add(131, "interface_define_xml", XmlFlagsArgs.class, InterfaceRet.class, HIGH, false)
                .add(132, "interface_undefine", InterfaceArgs.class, XdrVoid.class, HIGH, false)
                .add(133, "interface_create", InterfaceFlagsArgs.class, XdrVoid.class, NORMAL, false)
                .add(134, "interface_destroy", InterfaceFlagsArgs.class, XdrVoid.class, HIGH, false);
    }
}
