package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_node_get_cpu_map_args}: whether the caller wants the map and the online count. */
public record NodeGetCpuMapArgs(int needMap, int needOnline, @XdrUnsigned int flags) {
}
