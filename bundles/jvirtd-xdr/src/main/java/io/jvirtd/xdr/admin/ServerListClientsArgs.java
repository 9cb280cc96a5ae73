package io.jvirtd.xdr.admin;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code admin_server_list_clients_args}: a server, whether to send the clients or only their number, flags. */
public record ServerListClientsArgs(AdminNonnullServer srv, @XdrUnsigned int needResults, @XdrUnsigned int flags) {
}
