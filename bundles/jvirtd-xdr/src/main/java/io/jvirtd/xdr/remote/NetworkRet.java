package io.jvirtd.xdr.remote;

/**
 * {@code remote_network_lookup_by_name_ret}, {@code remote_network_lookup_by_uuid_ret},
 * {@code remote_network_create_xml_ret}, {@code remote_network_define_xml_ret},
 * {@code remote_network_create_xml_flags_ret}, {@code remote_network_define_xml_flags_ret}: a network handle.
 */
public record NetworkRet(RemoteNonnullNetwork net) {
}
