package io.jvirtd.xdr.remote;

/**
 * {@code remote_storage_pool_lookup_by_volume_args}, {@code remote_storage_vol_get_info_args},
 * {@code remote_storage_vol_get_path_args}: a storage volume.
 */
public record StorageVolArgs(RemoteNonnullStorageVol vol) {
}
