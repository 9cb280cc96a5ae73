package io.jvirtd.api.error;

/**
 * A libvirt error: code, domain and the message a client prints. Thrown by every layer; the RPC
 * server turns it into a {@code remote_error} reply ({@link #template()} is {@code str1},
 * {@link #detail()} is {@code str2}). Immutable.
 */
public class VirException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final VirErrorCode code;
    private final VirErrorDomain domain;
    private final String detail;

    /** An error whose message is the code's text around {@code detail} (or its bare text if null). */
    public VirException(VirErrorCode code, VirErrorDomain domain, String detail) {
        this(code, domain, detail, null);
    }

    /** As {@link #VirException(VirErrorCode, VirErrorDomain, String)}, keeping the underlying cause. */
    public VirException(VirErrorCode code, VirErrorDomain domain, String detail, Throwable cause) {
        super(code.message(detail), cause);
        this.code = code;
        this.domain = domain;
        this.detail = detail;
    }

    /** Convenience for {@code new VirException(code, domain, String.format(format, args))}. */
    public static VirException of(VirErrorCode code, VirErrorDomain domain, String format, Object... args) {
        return new VirException(code, domain, args.length == 0 ? format : String.format(format, args));
    }

    public VirErrorCode code() {
        return code;
    }

    public VirErrorDomain domain() {
        return domain;
    }

    /** The detail text, or null when the error has none (the message is then the code's bare text). */
    public String detail() {
        return detail;
    }

    /** The message template before substitution ({@code remote_error.str1}). */
    public String template() {
        return code.template(detail != null);
    }
}
