package io.jvirtd.api.driver;

/**
 * The host as {@code virsh nodeinfo} shows it.
 *
 * @param model CPU model (at most 31 bytes)
 * @param memoryKiB memory in KiB
 * @param cpus active CPUs
 * @param mhz CPU frequency in MHz
 * @param nodes NUMA nodes
 * @param sockets sockets per node
 * @param cores cores per socket
 * @param threads threads per core
 */
public record NodeInfo(String model, long memoryKiB, int cpus, int mhz, int nodes, int sockets, int cores,
        int threads) {
}
