package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_storage_pool_list_all_volumes_args}: a pool, whether to fill the list, flags. */
public record StoragePoolListAllVolumesArgs(RemoteNonnullStoragePool pool, int needResults, @XdrUnsigned int flags) {
}
