package io.jvirtd.xdr.remote;

/**
 * {@code remote_storage_vol_lookup_by_name_ret}, {@code remote_storage_vol_lookup_by_key_ret},
 * {@code remote_storage_vol_lookup_by_path_ret}, {@code remote_storage_vol_create_xml_ret}: a storage volume handle.
 */
public record StorageVolRet(RemoteNonnullStorageVol vol) {
}
