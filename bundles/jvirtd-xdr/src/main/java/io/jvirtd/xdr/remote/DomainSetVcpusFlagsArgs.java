package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_domain_set_vcpus_flags_args}: a domain, its new vCPU count and flags. */
public record DomainSetVcpusFlagsArgs(RemoteNonnullDomain dom, @XdrUnsigned int nvcpus, @XdrUnsigned int flags) {
}
