package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_connect_list_all_storage_pools_ret}: the pools (empty unless need_results) and the number matching. */
public record ConnectListAllStoragePoolsRet(
        @XdrMax(RemoteProgram.STORAGE_POOL_LIST_MAX) List<RemoteNonnullStoragePool> pools, @XdrUnsigned int ret) {
}
