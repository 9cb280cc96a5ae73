package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrOptional;
import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_node_num_of_devices_args}: an optional capability filter and flags. */
public record NodeNumOfDevicesArgs(@XdrOptional String cap, @XdrUnsigned int flags) {
}
