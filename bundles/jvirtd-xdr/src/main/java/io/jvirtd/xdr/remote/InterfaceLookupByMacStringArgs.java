package io.jvirtd.xdr.remote;

/** {@code remote_interface_lookup_by_mac_string_args}: a MAC address to look up. */
public record InterfaceLookupByMacStringArgs(String mac) {
}
