package io.jvirtd.driver.qemu.internal.command;

/**
 * The host paths one start of a guest uses; chosen by the driver, passed to the pure
 * {@link QemuCommandLine} so that golden tests can fix them.
 *
 * @param monitor the QMP unix socket
 * @param pidFile the file QEMU writes its pid into once daemonized
 */
public record LaunchPaths(String monitor, String pidFile) {
}
