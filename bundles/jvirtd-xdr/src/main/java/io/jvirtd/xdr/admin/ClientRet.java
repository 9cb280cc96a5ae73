package io.jvirtd.xdr.admin;

/** {@code admin_server_lookup_client_ret}: the client found. */
public record ClientRet(AdminNonnullClient clnt) {
}
