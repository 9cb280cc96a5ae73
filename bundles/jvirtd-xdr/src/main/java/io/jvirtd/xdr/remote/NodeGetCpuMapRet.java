package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_node_get_cpu_map_ret}: the online-CPU bitmap, the online count and the host CPU count. */
public record NodeGetCpuMapRet(@XdrMax(RemoteProgram.CPUMAP_MAX) byte[] cpumap, @XdrUnsigned int online, int ret) {
}
