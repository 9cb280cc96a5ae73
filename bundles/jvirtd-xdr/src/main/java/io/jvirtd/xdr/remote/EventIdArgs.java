package io.jvirtd.xdr.remote;

/**
 * {@code remote_connect_domain_event_register_any_args}, {@code remote_connect_domain_event_deregister_any_args}: a
 * domain event id (VIR_DOMAIN_EVENT_ID_*), for the legacy registration without callback ids.
 */
public record EventIdArgs(int eventID) {
}
