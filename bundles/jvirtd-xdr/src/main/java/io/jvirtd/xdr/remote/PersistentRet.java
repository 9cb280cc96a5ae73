package io.jvirtd.xdr.remote;

/**
 * {@code remote_domain_is_persistent_ret}, {@code remote_network_is_persistent_ret},
 * {@code remote_storage_pool_is_persistent_ret}: 1 if the object has a persistent definition.
 */
public record PersistentRet(int persistent) {
}
