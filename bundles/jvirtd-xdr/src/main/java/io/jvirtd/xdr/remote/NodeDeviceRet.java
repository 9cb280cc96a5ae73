package io.jvirtd.xdr.remote;

/** {@code remote_node_device_lookup_by_name_ret}: a node device handle. */
public record NodeDeviceRet(RemoteNonnullNodeDevice dev) {
}
