package io.jvirtd.xdr.admin;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code admin_connect_list_servers_ret}: the servers (empty unless need_results) and their number. */
public record ConnectListServersRet(@XdrMax(AdminProgram.SERVER_LIST_MAX) List<AdminNonnullServer> servers,
        @XdrUnsigned int ret) {
}
