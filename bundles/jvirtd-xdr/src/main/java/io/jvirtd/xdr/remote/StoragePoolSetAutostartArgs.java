package io.jvirtd.xdr.remote;

/** {@code remote_storage_pool_set_autostart_args}: a storage pool and the new autostart flag. */
public record StoragePoolSetAutostartArgs(RemoteNonnullStoragePool pool, int autostart) {
}
