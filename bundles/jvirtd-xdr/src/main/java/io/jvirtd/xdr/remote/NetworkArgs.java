package io.jvirtd.xdr.remote;

/**
 * {@code remote_network_create_args}, {@code remote_network_destroy_args}, {@code remote_network_undefine_args},
 * {@code remote_network_is_active_args}, {@code remote_network_is_persistent_args},
 * {@code remote_network_get_autostart_args}, {@code remote_network_get_bridge_name_args}: a network.
 */
public record NetworkArgs(RemoteNonnullNetwork net) {
}
