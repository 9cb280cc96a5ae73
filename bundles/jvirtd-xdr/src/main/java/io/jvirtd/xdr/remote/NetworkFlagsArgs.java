package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_network_get_xml_desc_args}: a network and flags. */
public record NetworkFlagsArgs(RemoteNonnullNetwork net, @XdrUnsigned int flags) {
}
