package io.jvirtd.xdr.remote;

/**
 * {@code remote_network_get_bridge_name_ret}, {@code remote_storage_vol_get_path_ret}: a name: a network's bridge,
 * or a volume's path.
 */
public record NameRet(String name) {
}
