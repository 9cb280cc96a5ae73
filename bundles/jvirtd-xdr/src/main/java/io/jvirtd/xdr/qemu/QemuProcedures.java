package io.jvirtd.xdr.qemu;

import static io.jvirtd.api.dispatch.Priority.NORMAL;

import io.jvirtd.xdr.remote.ProcedureTable;

/**
 * The QEMU program's procedures as libvirt 9.0's qemu_protocol.x numbers them. Monitor passthrough
 * changes the guest as it likes, so a read-only connection may not call it.
 */
public final class QemuProcedures {
    /** The table. */
    public static final ProcedureTable TABLE = ProcedureTable.builder("QEMU", QemuProgram.PROGRAM,
            QemuProgram.VERSION)
            .add(QemuProgram.DOMAIN_MONITOR_COMMAND, "domain_monitor_command", DomainMonitorCommandArgs.class,
                    DomainMonitorCommandRet.class, NORMAL, false)
            .build();

    private QemuProcedures() {
    }
}
