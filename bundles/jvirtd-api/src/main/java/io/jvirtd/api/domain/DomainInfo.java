package io.jvirtd.api.domain;

/**
 * {@code virDomainGetInfo}.
 *
 * @param state the {@link DomainState} number
 * @param maxMemoryKiB the most memory the domain may have, in KiB
 * @param memoryKiB the memory it has now, in KiB
 * @param vcpus the vCPUs it has now
 * @param cpuTimeNs the CPU time used, in nanoseconds
 */
public record DomainInfo(int state, long maxMemoryKiB, long memoryKiB, int vcpus, long cpuTimeNs) {
}
