package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_domain_get_vcpu_pin_info_args}: a domain, how many maps, maplen bytes each, flags. */
public record DomainGetVcpuPinInfoArgs(RemoteNonnullDomain dom, int ncpumaps, int maplen, @XdrUnsigned int flags) {
}
