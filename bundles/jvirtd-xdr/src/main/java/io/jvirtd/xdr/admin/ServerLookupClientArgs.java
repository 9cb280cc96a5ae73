package io.jvirtd.xdr.admin;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code admin_server_lookup_client_args}: a server and the id of one of its clients. */
public record ServerLookupClientArgs(AdminNonnullServer srv, @XdrUnsigned long id, @XdrUnsigned int flags) {
}
