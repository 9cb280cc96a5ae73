/**
 * The QEMU program (libvirt's qemu_protocol.x, {@code libvirt-qemu}; served on the same sockets as
 * REMOTE): its numbers, wire records and one {@link io.jvirtd.xdr.remote.ProcedureTable}. Only
 * {@code virsh qemu-monitor-command} for now.
 */
@Export
@Version("1.0.0")
package io.jvirtd.xdr.qemu;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
