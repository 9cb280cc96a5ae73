package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;

/**
 * {@code remote_connect_list_defined_domains_ret}, {@code remote_connect_list_networks_ret},
 * {@code remote_connect_list_defined_networks_ret}, {@code remote_connect_list_storage_pools_ret},
 * {@code remote_connect_list_defined_storage_pools_ret}, {@code remote_storage_pool_list_volumes_ret},
 * {@code remote_connect_list_interfaces_ret}, {@code remote_connect_list_defined_interfaces_ret}: a list of object
 * names, at most 16384 (REMOTE_DOMAIN/NETWORK/STORAGE_POOL/STORAGE_VOL/INTERFACE_LIST_MAX, all 16384 in 9.0).
 */
public record NamesRet(@XdrMax(RemoteProgram.DOMAIN_LIST_MAX) List<String> names) {
}
