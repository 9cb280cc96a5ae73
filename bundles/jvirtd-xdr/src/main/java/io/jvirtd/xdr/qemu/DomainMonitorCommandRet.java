package io.jvirtd.xdr.qemu;

/** {@code qemu_domain_monitor_command_ret}: the monitor's reply. */
public record DomainMonitorCommandRet(String result) {
}
