package io.jvirtd.xdr.remote;

/**
 * {@code remote_network_event_lifecycle_msg}: the body of MESSAGE 315: callbackID, network,
 * virNetworkEventLifecycleType and detail.
 */
public record NetworkEventLifecycleMsg(int callbackID, RemoteNonnullNetwork net, int event, int detail) {
}
