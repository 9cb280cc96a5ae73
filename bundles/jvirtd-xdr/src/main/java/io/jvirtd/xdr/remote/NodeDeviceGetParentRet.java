package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrOptional;

/** {@code remote_node_device_get_parent_ret}: the parent device's name; absent for the root device "computer". */
public record NodeDeviceGetParentRet(@XdrOptional String parentName) {
}
