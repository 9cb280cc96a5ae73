package io.jvirtd.xdr.qemu;

import io.jvirtd.xdr.codec.XdrUnsigned;
import io.jvirtd.xdr.remote.RemoteNonnullDomain;

/**
 * {@code qemu_domain_monitor_command_args}: the domain, the monitor command (QMP JSON, or HMP text with
 * flag 1), {@code virDomainQemuMonitorCommandFlags}.
 */
public record DomainMonitorCommandArgs(RemoteNonnullDomain dom, String cmd, @XdrUnsigned int flags) {
}
