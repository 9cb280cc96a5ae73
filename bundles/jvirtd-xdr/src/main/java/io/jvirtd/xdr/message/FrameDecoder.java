package io.jvirtd.xdr.message;

import java.nio.ByteBuffer;
import java.util.Arrays;

import io.jvirtd.xdr.XdrException;
import io.jvirtd.xdr.XdrReader;

/**
 * Cuts a byte stream into {@link Frame}s. Bytes arrive in any pieces ({@link #feed}); complete
 * frames come out of {@link #next}. The length word of the next frame is checked as soon as its 4
 * bytes are there, before the frame's payload is waited for, so a hostile length is refused without
 * buffering up to it. Invariant: {@code 0 <= start <= end <= buf.length}; the bytes between start
 * and end are the unconsumed stream. Confined to one thread (the event loop).
 *
 * <p>Only the length word and the header's size are checked here; the header's values (program,
 * type, status) are the dispatcher's business, as in libvirtd, where an unknown one is answered or
 * dropped without closing the connection.
 */
public final class FrameDecoder {
    private static final int MIN_LENGTH = Frames.LENGTH_WORD + MessageHeader.SIZE;

    private final int maxLength; // immutable
    private byte[] buf = new byte[4096]; // confined to the reading thread, as are start and end
    private int start; // first byte not yet returned in a frame
    private int end; // one past the last byte fed

    /** A decoder with libvirt's limit (32 MiB + 4). */
    public FrameDecoder() {
        this(Frames.DEFAULT_MAX_LENGTH);
    }

    /** @param maxLength the largest acceptable length word */
    public FrameDecoder(int maxLength) {
        if (maxLength < MIN_LENGTH) {
            throw new IllegalArgumentException("maxLength " + maxLength + " is below the minimum message size " + MIN_LENGTH);
        }
        this.maxLength = maxLength;
    }

    /** Adds bytes from {@code source} (all of its remaining bytes). */
    public void feed(ByteBuffer source) {
        int n = source.remaining();
        ensure(n);
        source.get(buf, end, n);
        end += n;
    }

    /** Adds bytes. */
    public void feed(byte[] bytes, int offset, int length) {
        feed(ByteBuffer.wrap(bytes, offset, length));
    }

    /** Bytes buffered but not yet returned as frames. */
    public int buffered() {
        return end - start;
    }

    /**
     * The next complete frame, or null if more bytes are needed.
     *
     * @throws FramingException if the length word is below 28 (length word + header) or above
     *         maxLength; the stream cannot be resynchronised and the connection must be dropped
     */
    public Frame next() throws FramingException {
        if (end - start < Frames.LENGTH_WORD) {
            return null;
        }
        long length = ((buf[start] & 0xffL) << 24) | ((buf[start + 1] & 0xff) << 16) | ((buf[start + 2] & 0xff) << 8)
                | (buf[start + 3] & 0xff);
        if (length < MIN_LENGTH) {
            throw new FramingException("message length " + length + " is below the minimum of " + MIN_LENGTH
                    + " (length word and header)");
        }
        if (length > maxLength) {
            throw new FramingException("message length " + length + " exceeds the maximum of " + maxLength);
        }
        if (end - start < length) {
            return null;
        }
        MessageHeader header;
        try {
            header = Frames.headerCodec().decode(new XdrReader(buf, start + Frames.LENGTH_WORD, MessageHeader.SIZE));
        } catch (XdrException e) {
            throw new FramingException("invalid message header: " + e.getMessage());
        }
        int payloadStart = start + MIN_LENGTH;
        byte[] payload = Arrays.copyOfRange(buf, payloadStart, start + (int) length);
        start += (int) length;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return new Frame(header, payload);
    }

    private void ensure(int more) {
        if (end + more <= buf.length) {
            return;
        }
        int live = end - start;
        if (live + more <= buf.length && start > 0) {
            System.arraycopy(buf, start, buf, 0, live);
        } else {
            byte[] bigger = new byte[Math.max(buf.length * 2, live + more)];
            System.arraycopy(buf, start, bigger, 0, live);
            buf = bigger;
        }
        start = 0;
        end = live;
    }
}
