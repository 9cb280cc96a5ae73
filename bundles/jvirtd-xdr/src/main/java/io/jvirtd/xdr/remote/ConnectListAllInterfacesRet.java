package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_connect_list_all_interfaces_ret}: the interfaces (empty unless need_results) and the number
 * matching.
 */
public record ConnectListAllInterfacesRet(@XdrMax(RemoteProgram.INTERFACE_LIST_MAX) List<RemoteNonnullInterface> ifaces,
        @XdrUnsigned int ret) {
}
