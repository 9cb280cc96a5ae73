package io.jvirtd.xdr.remote;

/** {@code remote_domain_get_vcpus_args}: a domain, at most maxinfo vCPUs, maplen bytes per CPU map. */
public record DomainGetVcpusArgs(RemoteNonnullDomain dom, int maxinfo, int maplen) {
}
