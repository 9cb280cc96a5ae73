package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_interface_get_xml_desc_args}, {@code remote_interface_create_args},
 * {@code remote_interface_destroy_args}: a host interface and flags.
 */
public record InterfaceFlagsArgs(RemoteNonnullInterface iface, @XdrUnsigned int flags) {
}
