package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_storage_pool_list_all_volumes_ret}: the volumes (empty unless need_results) and the number in the
 * pool.
 */
public record StoragePoolListAllVolumesRet(
        @XdrMax(RemoteProgram.STORAGE_VOL_LIST_MAX) List<RemoteNonnullStorageVol> vols, @XdrUnsigned int ret) {
}
