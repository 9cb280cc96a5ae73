package io.jvirtd.api.domain;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The QEMU program's calls ({@code libvirt-qemu}), offered by a connection's {@link DomainDriver}
 * when it drives QEMU: the RPC server checks for this interface and answers
 * {@code VIR_ERR_NO_SUPPORT} when a driver does not have it.
 */
@ConsumerType
public interface QemuMonitorDriver {
    /**
     * {@code virDomainQemuMonitorCommand}: passes a QMP command (JSON) to the guest's monitor and
     * returns QEMU's reply as it wrote it.
     *
     * @param dom the running domain
     * @param command the QMP command, e.g. {@code {"execute":"query-status"}}
     * @param flags {@code virDomainQemuMonitorCommandFlags}; only 0 (QMP) is supported
     */
    String monitorCommand(DomainRef dom, String command, int flags);
}
