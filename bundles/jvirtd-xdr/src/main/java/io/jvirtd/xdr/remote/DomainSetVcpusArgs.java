package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_domain_set_vcpus_args}: a domain and its new vCPU count. */
public record DomainSetVcpusArgs(RemoteNonnullDomain dom, @XdrUnsigned int nvcpus) {
}
