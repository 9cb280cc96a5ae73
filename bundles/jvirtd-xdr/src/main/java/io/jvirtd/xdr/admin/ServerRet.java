package io.jvirtd.xdr.admin;

/** {@code admin_connect_lookup_server_ret}: the server found. */
public record ServerRet(AdminNonnullServer srv) {
}
