package io.jvirtd.driver.qemu.internal.model;

/**
 * A running guest's status file ({@code data/qemu/run/NAME.xml}): what a restarted driver needs to
 * reattach to it.
 *
 * @param live the live definition
 * @param id the domain id
 * @param state the state number when last written
 * @param reason its reason
 * @param pid the QEMU process id
 * @param monitor the QMP socket path
 * @param persistent whether a config file exists for it
 */
public record RunStatus(DomainDef live, int id, int state, int reason, long pid, String monitor, boolean persistent) {
}
