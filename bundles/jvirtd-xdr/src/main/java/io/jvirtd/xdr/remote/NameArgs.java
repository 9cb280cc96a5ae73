package io.jvirtd.xdr.remote;

/**
 * {@code remote_domain_lookup_by_name_args}, {@code remote_network_lookup_by_name_args},
 * {@code remote_storage_pool_lookup_by_name_args}, {@code remote_interface_lookup_by_name_args},
 * {@code remote_node_device_lookup_by_name_args}, {@code remote_node_device_get_parent_args},
 * {@code remote_node_device_num_of_caps_args}: an object name to look up.
 */
public record NameArgs(String name) {
}
