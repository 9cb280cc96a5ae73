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
    private final String template;

    /** An error whose message is the code's text around {@code detail} (or its bare text if null). */
    public VirException(VirErrorCode code, VirErrorDomain domain, String detail) {
        this(code, domain, detail, (Throwable) null);
    }

    /** As {@link #VirException(VirErrorCode, VirErrorDomain, String)}, keeping the underlying cause. */
    public VirException(VirErrorCode code, VirErrorDomain domain, String detail, Throwable cause) {
        super(code.message(detail), cause);
        this.code = code;
        this.domain = domain;
        this.detail = detail;
        this.template = code.template(detail != null);
    }

    private VirException(VirErrorCode code, VirErrorDomain domain, String message, String str1, String str2) {
        super(message);
        this.code = code;
        this.domain = domain;
        this.detail = str2;
        this.template = str1;
    }

    /**
     * An error whose message is exactly {@code message}, not the code's text: libvirt reports
     * invalid arguments this way ("unsupported flags (0x4) in function X", with the function as
     * {@code str1} and the argument's name as {@code str2}).
     */
    public static VirException withMessage(VirErrorCode code, VirErrorDomain domain, String message, String str1,
            String str2) {
        return new VirException(code, domain, message, str1, str2);
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
        return template;
    }
}
