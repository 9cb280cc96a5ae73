package io.jvirtd.xdr.remote;

/**
 * {@code remote_connect_domain_event_callback_register_any_ret},
 * {@code remote_connect_network_event_register_any_ret}, {@code remote_connect_storage_pool_event_register_any_ret}:
 * the id the server assigned to a new event registration; event messages carry it.
 */
public record CallbackIdRet(int callbackID) {
}
