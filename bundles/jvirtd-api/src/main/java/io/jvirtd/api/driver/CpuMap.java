package io.jvirtd.api.driver;

/**
 * {@code virNodeGetCPUMap}: the host's CPUs.
 *
 * @param cpus the number of CPUs the map covers
 * @param online the online CPUs, one bit each, lowest CPU in the lowest bit of byte 0
 * @param onlineCount how many are online
 */
public record CpuMap(int cpus, byte[] online, int onlineCount) {
}
