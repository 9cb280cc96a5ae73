package io.jvirtd.xdr.remote;

/**
 * {@code remote_interface_lookup_by_name_ret}, {@code remote_interface_lookup_by_mac_string_ret},
 * {@code remote_interface_define_xml_ret}: a host interface handle.
 */
public record InterfaceRet(RemoteNonnullInterface iface) {
}
