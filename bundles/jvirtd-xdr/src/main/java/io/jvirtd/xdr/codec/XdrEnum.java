package io.jvirtd.xdr.codec;

/** A Java enum carried as an XDR enum: the int {@link #value()} on the wire. */
public interface XdrEnum {

    /** The wire value. */
    int value();
}
