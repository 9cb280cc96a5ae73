package io.jvirtd.xdr;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads XDR items from a byte range. Every read is bounds-checked; a violation throws
 * {@link XdrException} naming what was read, the limit and the offset. Not thread-safe.
 */
public final class XdrReader {
    private final byte[] buf; // not copied: the caller must not change it while reading
    private final int end; // immutable
    private int pos; // confined to the reading thread

    public XdrReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public XdrReader(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside " + bytes.length);
        }
        this.buf = bytes;
        this.pos = offset;
        this.end = offset + length;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    /** Fails if bytes are left over: a message must be consumed exactly. */
    public void requireEnd(String what) {
        if (pos != end) {
            throw new XdrException(remaining() + " unexpected trailing bytes after " + what + " at offset " + pos);
        }
    }

    public int readInt() {
        need(4, "int");
        int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    public long readHyper() {
        need(8, "hyper");
        long hi = readInt() & 0xffffffffL;
        long lo = readInt() & 0xffffffffL;
        return (hi << 32) | lo;
    }

    public double readDouble() {
        return Double.longBitsToDouble(readHyper());
    }

    /**
     * The optional-data flag of {@code T *x}. Any non-zero value means present, as libvirtd's XDR
     * library reads it (go-libvirt, for one, sends 0x01000000).
     */
    public boolean readPresent() {
        return readInt() != 0;
    }

    /** {@code string<max>}, which must be valid UTF-8. */
    public String readString(int max) {
        int at = pos;
        int n = readInt();
        if (n < 0 || n > max) {
            throw new XdrException("string length " + Integer.toUnsignedString(n) + " exceeds maximum " + max
                    + " at offset " + at);
        }
        int padded = XdrWriter.pad(n);
        need(padded, "opaque[" + n + "]");
        int from = pos;
        pos += padded;
        // Names, uuids-as-text and most XML are ASCII: no decoder needed, nothing can be malformed.
        boolean ascii = true;
        for (int i = from, e = from + n; i < e; i++) {
            if (buf[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(buf, from, n, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(buf, from, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new XdrException("string at offset " + at + " is not valid UTF-8");
        }
    }

    /** {@code opaque<max>}. */
    public byte[] readOpaque(int max) {
        return readOpaque(max, "opaque");
    }

    /** {@code opaque[n]}. */
    public byte[] readFixedOpaque(int n) {
        int padded = XdrWriter.pad(n);
        need(padded, "opaque[" + n + "]");
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += padded;
        return out;
    }

    /** A count of array elements, checked against the array's maximum. */
    public int readCount(int max, String what) {
        int at = pos;
        int n = readInt();
        if (n < 0 || n > max) {
            throw new XdrException(what + " count " + Integer.toUnsignedString(n) + " exceeds maximum " + max
                    + " at offset " + at);
        }
        return n;
    }

    private byte[] readOpaque(int max, String what) {
        int at = pos;
        int n = readInt();
        if (n < 0 || n > max) {
            throw new XdrException(what + " length " + Integer.toUnsignedString(n) + " exceeds maximum " + max
                    + " at offset " + at);
        }
        return readFixedOpaque(n);
    }

    private void need(int n, String what) {
        if (end - pos < n) {
            throw new XdrException("truncated input: " + what + " needs " + n + " bytes at offset " + pos + ", "
                    + (end - pos) + " left");
        }
    }
}
