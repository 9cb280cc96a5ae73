package io.jvirtd.xdr.message;

/** The byte stream cannot be cut into messages (bad length word or header); the connection must be dropped. */
public class FramingException extends Exception {
    private static final long serialVersionUID = 1L;

    public FramingException(String message) {
        super(message);
    }
}
