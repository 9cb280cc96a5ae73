package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrOptional;

/**
 * {@code remote_connect_storage_pool_event_register_any_args}: an event id and the one pool to watch; pool absent
 * watches every pool.
 */
public record ConnectStoragePoolEventRegisterAnyArgs(int eventID, @XdrOptional RemoteNonnullStoragePool pool) {
}
