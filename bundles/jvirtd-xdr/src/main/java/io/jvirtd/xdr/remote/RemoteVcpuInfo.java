package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_vcpu_info}: one virtual CPU as {@code virsh vcpuinfo} shows it; cpuTime in nanoseconds, cpu the host
 * CPU it last ran on.
 */
public record RemoteVcpuInfo(@XdrUnsigned int number, int state, @XdrUnsigned long cpuTime, int cpu) {
}
