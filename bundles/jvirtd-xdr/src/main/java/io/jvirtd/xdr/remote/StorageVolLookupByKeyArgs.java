package io.jvirtd.xdr.remote;

/** {@code remote_storage_vol_lookup_by_key_args}: a volume key. */
public record StorageVolLookupByKeyArgs(String key) {
}
