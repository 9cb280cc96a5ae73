package io.jvirtd.xdr.remote;

/**
 * {@code remote_domain_get_autostart_ret}, {@code remote_network_get_autostart_ret},
 * {@code remote_storage_pool_get_autostart_ret}: 1 if the object starts with the host.
 */
public record AutostartRet(int autostart) {
}
