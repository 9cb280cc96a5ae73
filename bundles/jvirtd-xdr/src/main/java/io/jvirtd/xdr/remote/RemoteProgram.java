package io.jvirtd.xdr.remote;

/** Numbers and limits of libvirt's REMOTE program (remote_protocol.x) that the records use. */
public final class RemoteProgram {
    /** The program number. */
    public static final int PROGRAM = 0x20008086;
    /** The program version. */
    public static final int VERSION = 1;
    /** REMOTE_AUTH_TYPE_LIST_MAX. */
    public static final int AUTH_TYPE_LIST_MAX = 20;
    /** REMOTE_SECURITY_MODEL_MAX. */
    public static final int SECURITY_MODEL_MAX = 257;
    /** REMOTE_SECURITY_DOI_MAX. */
    public static final int SECURITY_DOI_MAX = 257;
    /** VIR_NET_MESSAGE_STRING_MAX: strings in remote_error. */
    public static final int MESSAGE_STRING_MAX = 4_194_304;
    /** Longest typed-parameter name: VIR_TYPED_PARAM_FIELD_LENGTH (80) less the NUL. */
    public static final int TYPED_PARAM_FIELD_MAX = 79;
    /** VIR_TYPED_PARAM_STRING_OKAY: the flag by which a client accepts string-typed parameters. */
    public static final int TYPED_PARAM_STRING_OKAY = 1 << 2;
    /** REMOTE_AUTH_NONE. */
    public static final int AUTH_NONE = 0;

    private RemoteProgram() {
    }
}
