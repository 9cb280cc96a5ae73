package io.jvirtd.xdr.admin;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code admin_client_get_info_args}, {@code admin_client_close_args}: a client and flags. */
public record ClientArgs(AdminNonnullClient clnt, @XdrUnsigned int flags) {
}
