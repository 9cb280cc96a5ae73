package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrOptional;

/**
 * {@code remote_connect_network_event_register_any_args}: an event id and the one network to watch; net absent
 * watches every network.
 */
public record ConnectNetworkEventRegisterAnyArgs(int eventID, @XdrOptional RemoteNonnullNetwork net) {
}
