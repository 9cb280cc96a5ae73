package io.jvirtd.xdr.remote;


/** {@code remote_connect_get_max_vcpus_ret}. */
public record ConnectGetMaxVcpusRet(int maxVcpus) {
}
