package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_domain_get_info_ret}: state (an unsigned char on the wire, 4 bytes), memory in KiB, vCPU count (an
 * unsigned short, 4 bytes) and CPU time in nanoseconds.
 */
public record DomainGetInfoRet(@XdrUnsigned int state, @XdrUnsigned long maxMem, @XdrUnsigned long memory,
        @XdrUnsigned int nrVirtCpu, @XdrUnsigned long cpuTime) {
}
