package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_connect_list_all_networks_ret}: the networks (empty unless need_results) and the number matching. */
public record ConnectListAllNetworksRet(@XdrMax(RemoteProgram.NETWORK_LIST_MAX) List<RemoteNonnullNetwork> nets,
        @XdrUnsigned int ret) {
}
