package io.jvirtd.xdr.codec;

/** XDR {@code void}: the arguments or result of a procedure that has none. Zero bytes on the wire. */
public record XdrVoid() {
    /** The only value. */
    public static final XdrVoid INSTANCE = new XdrVoid();
}
