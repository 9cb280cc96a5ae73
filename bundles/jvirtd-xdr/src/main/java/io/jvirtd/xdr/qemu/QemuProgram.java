package io.jvirtd.xdr.qemu;

/** Numbers of libvirt's QEMU program (qemu_protocol.x). */
public final class QemuProgram {
    /** The program number ({@code QEMU_PROGRAM}). */
    public static final int PROGRAM = 0x20008087;
    /** The program version ({@code QEMU_PROTOCOL_VERSION}). */
    public static final int VERSION = 1;
    /** {@code QEMU_PROC_DOMAIN_MONITOR_COMMAND}. */
    public static final int DOMAIN_MONITOR_COMMAND = 1;

    private QemuProgram() {
    }
}
