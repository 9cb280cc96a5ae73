package io.jvirtd.xdr.remote;


/** {@code remote_connect_get_sysinfo_ret}: the sysinfo XML. */
public record ConnectGetSysinfoRet(String sysinfo) {
}
