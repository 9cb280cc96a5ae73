package io.jvirtd.xdr.admin;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code admin_connect_list_servers_args}: whether to send the servers or only their number. */
public record ConnectListServersArgs(@XdrUnsigned int needResults, @XdrUnsigned int flags) {
}
