package io.jvirtd.xdr.codec;

import io.jvirtd.xdr.XdrReader;
import io.jvirtd.xdr.XdrWriter;

/** Encodes and decodes one type; immutable and thread-safe. */
public interface XdrCodec<T> {

    void encode(T value, XdrWriter out);

    T decode(XdrReader in);

    /** The XDR type in words, e.g. {@code string<4194304>} or a struct's fields; used by golden tests. */
    String describe();

    /** Encodes to a new byte array. */
    default byte[] encode(T value) {
        XdrWriter out = new XdrWriter();
        encode(value, out);
        return out.toByteArray();
    }

    /** Decodes a whole byte array: trailing bytes are an error. */
    default T decode(byte[] bytes) {
        XdrReader in = new XdrReader(bytes);
        T value = decode(in);
        if (in.remaining() != 0) {
            in.requireEnd(describe()); // built only on failure: describe() walks the whole record
        }
        return value;
    }
}
