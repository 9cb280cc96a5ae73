package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrOptional;
import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_node_list_devices_args}: an optional capability filter, at most maxnames names, flags. */
public record NodeListDevicesArgs(@XdrOptional String cap, int maxnames, @XdrUnsigned int flags) {
}
