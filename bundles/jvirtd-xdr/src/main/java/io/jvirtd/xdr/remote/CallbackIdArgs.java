package io.jvirtd.xdr.remote;

/**
 * {@code remote_connect_domain_event_callback_deregister_any_args},
 * {@code remote_connect_network_event_deregister_any_args},
 * {@code remote_connect_storage_pool_event_deregister_any_args}: the server-assigned id of an event registration to
 * remove.
 */
public record CallbackIdArgs(int callbackID) {
}
