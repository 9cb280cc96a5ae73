package io.jvirtd.xdr.remote;


/** {@code remote_connect_get_uri_ret}: the daemon-side URI, e.g. test:///default. */
public record ConnectGetUriRet(String uri) {
}
