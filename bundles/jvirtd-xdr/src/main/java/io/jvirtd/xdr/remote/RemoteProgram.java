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
    /** REMOTE_DOMAIN_LIST_MAX. */
    public static final int DOMAIN_LIST_MAX = 16_384;
    /** REMOTE_NETWORK_LIST_MAX. */
    public static final int NETWORK_LIST_MAX = 16_384;
    /** REMOTE_STORAGE_POOL_LIST_MAX (16384 since before 7.1; older releases had 4096). */
    public static final int STORAGE_POOL_LIST_MAX = 16_384;
    /** REMOTE_STORAGE_VOL_LIST_MAX. */
    public static final int STORAGE_VOL_LIST_MAX = 16_384;
    /** REMOTE_INTERFACE_LIST_MAX. */
    public static final int INTERFACE_LIST_MAX = 16_384;
    /** REMOTE_NODE_DEVICE_LIST_MAX; REMOTE_NODE_DEVICE_CAPS_LIST_MAX has the same value. */
    public static final int NODE_DEVICE_LIST_MAX = 65_536;
    /** REMOTE_DOMAIN_SNAPSHOT_LIST_MAX. */
    public static final int DOMAIN_SNAPSHOT_LIST_MAX = 16_384;
    /** REMOTE_DOMAIN_MESSAGES_MAX. */
    public static final int DOMAIN_MESSAGES_MAX = 2048;
    /** REMOTE_SECURITY_LABEL_MAX (VIR_SECURITY_LABEL_BUFLEN). */
    public static final int SECURITY_LABEL_MAX = 4097;
    /** REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX. */
    public static final int DOMAIN_SCHEDULER_PARAMETERS_MAX = 16;
    /** REMOTE_VCPUINFO_MAX. */
    public static final int VCPUINFO_MAX = 16_384;
    /** REMOTE_CPUMAP_MAX: bytes of one CPU bitmap. */
    public static final int CPUMAP_MAX = 2048;
    /** REMOTE_CPUMAPS_MAX: bytes of all CPU bitmaps of a reply. */
    public static final int CPUMAPS_MAX = 8_388_608;
    /** REMOTE_NODE_MAX_CELLS. */
    public static final int NODE_MAX_CELLS = 1024;
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
