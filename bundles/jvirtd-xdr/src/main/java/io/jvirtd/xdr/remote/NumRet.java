package io.jvirtd.xdr.remote;

/**
 * {@code remote_connect_num_of_domains_ret}, {@code remote_connect_num_of_defined_domains_ret},
 * {@code remote_domain_get_max_vcpus_ret}, {@code remote_domain_get_vcpus_flags_ret},
 * {@code remote_domain_snapshot_num_ret}, {@code remote_connect_num_of_networks_ret},
 * {@code remote_connect_num_of_defined_networks_ret}, {@code remote_connect_num_of_storage_pools_ret},
 * {@code remote_connect_num_of_defined_storage_pools_ret}, {@code remote_storage_pool_num_of_volumes_ret},
 * {@code remote_connect_num_of_interfaces_ret}, {@code remote_connect_num_of_defined_interfaces_ret},
 * {@code remote_node_num_of_devices_ret}, {@code remote_node_device_num_of_caps_ret}: a count.
 */
public record NumRet(int num) {
}
