package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_node_device_get_xml_desc_args}: a node device name and flags. */
public record NameFlagsArgs(String name, @XdrUnsigned int flags) {
}
