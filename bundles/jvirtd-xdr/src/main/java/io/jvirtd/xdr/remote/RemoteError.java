package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrOptional;

/**
 * {@code remote_error} (= {@code virNetMessageError}): the payload of a REPLY with status ERROR.
 * libvirtd always sends level 2, {@code dom}, {@code str3} and {@code net} absent, and -1 in
 * {@code int1}/{@code int2}; {@link #of} builds exactly that.
 *
 * @param code virErrorNumber
 * @param domain virErrorDomain
 * @param message the full text a client prints
 * @param level 2 (error)
 * @param dom unused, absent
 * @param str1 the message template, e.g. "Domain not found: %s"
 * @param str2 the detail, or absent
 * @param str3 unused, absent
 * @param int1 -1
 * @param int2 -1
 * @param net unused, absent
 */
public record RemoteError(int code, int domain,
        @XdrOptional @XdrMax(RemoteProgram.MESSAGE_STRING_MAX) String message, int level,
        @XdrOptional RemoteNonnullDomain dom,
        @XdrOptional @XdrMax(RemoteProgram.MESSAGE_STRING_MAX) String str1,
        @XdrOptional @XdrMax(RemoteProgram.MESSAGE_STRING_MAX) String str2,
        @XdrOptional @XdrMax(RemoteProgram.MESSAGE_STRING_MAX) String str3,
        int int1, int int2, @XdrOptional RemoteNonnullNetwork net) {

    /** The error level libvirt sends. */
    public static final int LEVEL_ERROR = 2;

    /** An error as libvirtd fills it. */
    public static RemoteError of(int code, int domain, String message, String template, String detail) {
        return new RemoteError(code, domain, message, LEVEL_ERROR, null, template, detail, null, -1, -1, null);
    }
}
