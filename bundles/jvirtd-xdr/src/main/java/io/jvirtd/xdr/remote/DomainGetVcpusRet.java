package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;

/** {@code remote_domain_get_vcpus_ret}: the vCPUs and their CPU maps, maplen bytes each. */
public record DomainGetVcpusRet(@XdrMax(RemoteProgram.VCPUINFO_MAX) List<RemoteVcpuInfo> info,
        @XdrMax(RemoteProgram.CPUMAPS_MAX) byte[] cpumaps) {
}
