package io.jvirtd.xdr.remote;

/**
 * {@code remote_domain_is_active_ret}, {@code remote_network_is_active_ret},
 * {@code remote_storage_pool_is_active_ret}, {@code remote_interface_is_active_ret}: 1 if the object is running.
 */
public record ActiveRet(int active) {
}
