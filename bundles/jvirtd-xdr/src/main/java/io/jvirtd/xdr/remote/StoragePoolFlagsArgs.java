package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_storage_pool_get_xml_desc_args}, {@code remote_storage_pool_create_args},
 * {@code remote_storage_pool_build_args}, {@code remote_storage_pool_delete_args},
 * {@code remote_storage_pool_refresh_args}: a storage pool and flags.
 */
public record StoragePoolFlagsArgs(RemoteNonnullStoragePool pool, @XdrUnsigned int flags) {
}
