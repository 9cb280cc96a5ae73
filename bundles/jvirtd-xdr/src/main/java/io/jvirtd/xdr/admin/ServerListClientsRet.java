package io.jvirtd.xdr.admin;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code admin_server_list_clients_ret}: the clients (empty unless need_results) and their number. */
public record ServerListClientsRet(@XdrMax(AdminProgram.CLIENT_LIST_MAX) List<AdminNonnullClient> clients,
        @XdrUnsigned int ret) {
}
