package io.jvirtd.xdr.remote;

/**
 * libvirt's KEEPALIVE program: MESSAGE packets with no payload, serial 0. Either side answers a
 * PING with a PONG.
 */
public final class KeepaliveProgram {
    /** The program number, ASCII "keep". */
    public static final int PROGRAM = 0x6b656570;
    /** The program version. */
    public static final int VERSION = 1;
    /** The PING procedure. */
    public static final int PING = 1;
    /** The PONG procedure. */
    public static final int PONG = 2;

    private KeepaliveProgram() {
    }
}
