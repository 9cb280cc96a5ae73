package io.jvirtd.xdr.remote;

/** {@code remote_storage_vol_lookup_by_name_args}: a pool and a volume name in it. */
public record StorageVolLookupByNameArgs(RemoteNonnullStoragePool pool, String name) {
}
