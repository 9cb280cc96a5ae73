package io.jvirtd.xdr.remote;

/**
 * {@code remote_connect_event_connection_closed_msg}: the body of MESSAGE 362: why the daemon's hypervisor
 * connection closed (virConnectCloseReason).
 */
public record ConnectEventConnectionClosedMsg(int reason) {
}
