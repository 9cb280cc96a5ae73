package io.jvirtd.xdr.remote;

/**
 * {@code remote_storage_pool_event_lifecycle_msg}: the body of MESSAGE 370: callbackID, pool,
 * virStoragePoolEventLifecycleType and detail.
 */
public record StoragePoolEventLifecycleMsg(int callbackID, RemoteNonnullStoragePool pool, int event, int detail) {
}
