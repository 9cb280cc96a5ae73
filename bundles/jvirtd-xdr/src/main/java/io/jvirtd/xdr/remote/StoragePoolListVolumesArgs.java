package io.jvirtd.xdr.remote;

/** {@code remote_storage_pool_list_volumes_args}: a pool and at most maxnames names. */
public record StoragePoolListVolumesArgs(RemoteNonnullStoragePool pool, int maxnames) {
}
