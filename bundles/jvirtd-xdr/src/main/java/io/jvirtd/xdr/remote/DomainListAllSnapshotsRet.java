package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;

/** {@code remote_domain_list_all_snapshots_ret}: the snapshots (empty unless need_results) and the number matching. */
public record DomainListAllSnapshotsRet(
        @XdrMax(RemoteProgram.DOMAIN_SNAPSHOT_LIST_MAX) List<RemoteNonnullDomainSnapshot> snapshots, int ret) {
}
