package io.jvirtd.xdr.remote;

/** {@code remote_storage_pool_event_refresh_msg}: the body of MESSAGE 373: callbackID and the refreshed pool. */
public record StoragePoolEventRefreshMsg(int callbackID, RemoteNonnullStoragePool pool) {
}
