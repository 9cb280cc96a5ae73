package io.jvirtd.api.domain;

/**
 * One vCPU as {@code virDomainGetVcpus} reports it.
 *
 * @param number the vCPU number
 * @param state {@code virVcpuState}: OFFLINE 0, RUNNING 1, BLOCKED 2
 * @param cpuTimeNs CPU time used, in nanoseconds
 * @param cpu the host CPU it runs on, -1 if offline
 * @param cpuMap the host CPUs it may run on, one bit per CPU, lowest CPU in the lowest bit of byte 0
 */
public record VcpuInfo(int number, int state, long cpuTimeNs, int cpu, byte[] cpuMap) {
}
