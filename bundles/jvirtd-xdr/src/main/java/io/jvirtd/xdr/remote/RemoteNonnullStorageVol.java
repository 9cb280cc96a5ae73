package io.jvirtd.xdr.remote;

/**
 * {@code remote_nonnull_storage_vol}: a storage volume handle: its pool's name, its name and its key (for file
 * volumes, the path).
 */
public record RemoteNonnullStorageVol(String pool, String name, String key) {
}
