package io.jvirtd.xdr.remote;

/** {@code remote_connect_list_domains_args}: at most maxids ids. */
public record ConnectListDomainsArgs(int maxids) {
}
