package io.jvirtd.xdr.admin;

/** Numbers and limits of libvirt's ADMIN program (admin_protocol.x) that the records use. */
public final class AdminProgram {
    /** The program number. */
    public static final int PROGRAM = 0x06900690;
    /** The program version. */
    public static final int VERSION = 1;
    /** ADMIN_STRING_MAX. */
    public static final int STRING_MAX = 4_194_304;
    /** ADMIN_SERVER_LIST_MAX. */
    public static final int SERVER_LIST_MAX = 16_384;
    /** ADMIN_CLIENT_LIST_MAX. */
    public static final int CLIENT_LIST_MAX = 16_384;
    /** ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX. */
    public static final int SERVER_THREADPOOL_PARAMETERS_MAX = 32;
    /** ADMIN_CLIENT_INFO_PARAMETERS_MAX. */
    public static final int CLIENT_INFO_PARAMETERS_MAX = 64;
    /** ADMIN_SERVER_CLIENT_LIMITS_MAX. */
    public static final int SERVER_CLIENT_LIMITS_MAX = 32;
    /** The procedure number of connect_close, after whose reply the server closes the client. */
    public static final int CONNECT_CLOSE = 2;
    /** {@code virClientTransport} VIR_CLIENT_TRANS_UNIX. */
    public static final int TRANSPORT_UNIX = 0;
    /** {@code virClientTransport} VIR_CLIENT_TRANS_TCP. */
    public static final int TRANSPORT_TCP = 1;
    /** {@code virClientTransport} VIR_CLIENT_TRANS_TLS. */
    public static final int TRANSPORT_TLS = 2;

    private AdminProgram() {
    }
}
