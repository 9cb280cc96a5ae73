package io.jvirtd.xdr.remote;

/** {@code remote_storage_vol_lookup_by_path_args}: a volume path. */
public record StorageVolLookupByPathArgs(String path) {
}
