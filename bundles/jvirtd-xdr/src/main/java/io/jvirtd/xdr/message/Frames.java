package io.jvirtd.xdr.message;

import io.jvirtd.xdr.XdrException;
import io.jvirtd.xdr.XdrWriter;
import io.jvirtd.xdr.codec.XdrCodec;
import io.jvirtd.xdr.codec.XdrCodecs;

/**
 * Writes whole messages: the length word (which counts itself), the header, the payload. A message
 * longer than {@link #DEFAULT_MAX_LENGTH} is refused with {@link XdrException}, as libvirt fails to
 * encode it; the caller sends an error reply instead.
 */
public final class Frames {
    /** The length word's own size. */
    public static final int LENGTH_WORD = 4;
    /** libvirt's VIR_NET_MESSAGE_MAX: header and payload, not counting the length word (32 MiB). */
    public static final int MESSAGE_MAX = 33_554_432;
    /** The largest legal length word: MESSAGE_MAX + 4. */
    public static final int DEFAULT_MAX_LENGTH = MESSAGE_MAX + LENGTH_WORD;

    private static final XdrCodec<MessageHeader> HEADER = XdrCodecs.of(MessageHeader.class); // immutable

    private Frames() {
    }

    /** A message with an already-encoded payload. */
    public static byte[] encode(MessageHeader header, byte[] payload) {
        XdrWriter out = new XdrWriter(LENGTH_WORD + MessageHeader.SIZE + payload.length);
        out.writeInt(0);
        HEADER.encode(header, out);
        out.writeRaw(payload);
        return finish(out);
    }

    /** A message whose payload is {@code body} encoded by {@code codec}. */
    public static <T> byte[] encode(MessageHeader header, XdrCodec<T> codec, T body) {
        XdrWriter out = new XdrWriter();
        out.writeInt(0);
        HEADER.encode(header, out);
        codec.encode(body, out);
        return finish(out);
    }

    private static byte[] finish(XdrWriter out) {
        if (out.length() > DEFAULT_MAX_LENGTH) {
            throw new XdrException("message of " + out.length() + " bytes exceeds the maximum of " + DEFAULT_MAX_LENGTH);
        }
        out.setInt(0, out.length());
        return out.toByteArray();
    }

    static XdrCodec<MessageHeader> headerCodec() {
        return HEADER;
    }
}
