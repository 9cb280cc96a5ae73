package io.jvirtd.xdr.remote;


/** {@code remote_connect_get_hostname_ret}. */
public record ConnectGetHostnameRet(String hostname) {
}
