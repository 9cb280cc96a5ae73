package io.jvirtd.xdr.remote;

/** {@code remote_nonnull_node_device}: a node device handle. */
public record RemoteNonnullNodeDevice(String name) {
}
