package io.jvirtd.xdr.admin;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code admin_connect_lookup_server_args}: a server name to look up. */
public record ConnectLookupServerArgs(@XdrMax(AdminProgram.STRING_MAX) String name, @XdrUnsigned int flags) {
}
