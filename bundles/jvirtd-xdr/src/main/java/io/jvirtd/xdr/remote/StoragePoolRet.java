package io.jvirtd.xdr.remote;

/**
 * {@code remote_storage_pool_lookup_by_name_ret}, {@code remote_storage_pool_lookup_by_uuid_ret},
 * {@code remote_storage_pool_lookup_by_volume_ret}, {@code remote_storage_pool_define_xml_ret},
 * {@code remote_storage_pool_create_xml_ret}: a storage pool handle.
 */
public record StoragePoolRet(RemoteNonnullStoragePool pool) {
}
