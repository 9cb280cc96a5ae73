package io.jvirtd.bench;

/** A REMOTE call answered with status ERROR; carries libvirt's error code and message. */
public final class RemoteCallException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code; // immutable

    RemoteCallException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** libvirt's {@code virErrorNumber}. */
    public int code() {
        return code;
    }
}
