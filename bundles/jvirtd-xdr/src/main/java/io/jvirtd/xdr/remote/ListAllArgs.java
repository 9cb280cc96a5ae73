package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_connect_list_all_domains_args}, {@code remote_connect_list_all_networks_args},
 * {@code remote_connect_list_all_storage_pools_args}, {@code remote_connect_list_all_interfaces_args},
 * {@code remote_connect_list_all_node_devices_args}: the arguments of every list-all call: fill the list only if
 * needResults is non-zero; flags filter.
 */
public record ListAllArgs(int needResults, @XdrUnsigned int flags) {
}
