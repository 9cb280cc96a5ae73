package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrMax;

/** {@code remote_domain_get_vcpu_pin_info_ret}: the vCPU pinning maps and how many there are. */
public record DomainGetVcpuPinInfoRet(@XdrMax(RemoteProgram.CPUMAPS_MAX) byte[] cpumaps, int num) {
}
