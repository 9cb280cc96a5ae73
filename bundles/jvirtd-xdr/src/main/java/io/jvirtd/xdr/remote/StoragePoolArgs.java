package io.jvirtd.xdr.remote;

/**
 * {@code remote_storage_pool_destroy_args}, {@code remote_storage_pool_undefine_args},
 * {@code remote_storage_pool_is_active_args}, {@code remote_storage_pool_is_persistent_args},
 * {@code remote_storage_pool_get_autostart_args}, {@code remote_storage_pool_get_info_args},
 * {@code remote_storage_pool_num_of_volumes_args}: a storage pool.
 */
public record StoragePoolArgs(RemoteNonnullStoragePool pool) {
}
