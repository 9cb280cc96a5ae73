package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrOptional;

/**
 * {@code remote_connect_domain_event_callback_register_any_args}: an event id and the one domain to watch; dom
 * absent watches every domain.
 */
public record ConnectDomainEventCallbackRegisterAnyArgs(int eventID, @XdrOptional RemoteNonnullDomain dom) {
}
