package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrFixedChars;
import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_node_get_info_ret}: the host as {@code virsh nodeinfo} shows it.
 *
 * @param model CPU model, a C string in {@code char[32]} (4 bytes per char on the wire)
 * @param memory memory in KiB
 * @param cpus active CPUs
 * @param mhz CPU frequency
 * @param nodes NUMA nodes
 * @param sockets sockets per node
 * @param cores cores per socket
 * @param threads threads per core
 */
public record NodeGetInfoRet(@XdrFixedChars(32) String model, @XdrUnsigned long memory, int cpus, int mhz,
        int nodes, int sockets, int cores, int threads) {
}
