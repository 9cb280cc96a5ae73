package io.jvirtd.xdr.remote;

/**
 * {@code remote_connect_list_defined_domains_args}, {@code remote_connect_list_networks_args},
 * {@code remote_connect_list_defined_networks_args}, {@code remote_connect_list_storage_pools_args},
 * {@code remote_connect_list_defined_storage_pools_args}, {@code remote_connect_list_interfaces_args},
 * {@code remote_connect_list_defined_interfaces_args}: the arguments of the old name-list calls: at most maxnames
 * names.
 */
public record MaxnamesArgs(int maxnames) {
}
