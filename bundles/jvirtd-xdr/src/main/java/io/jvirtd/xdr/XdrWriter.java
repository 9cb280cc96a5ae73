package io.jvirtd.xdr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends XDR items to a growing byte array. Not thread-safe: one writer per message. */
public final class XdrWriter {
    private byte[] buf; // confined to the writing thread, as is length
    private int length;

    public XdrWriter() {
        this(256);
    }

    public XdrWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** Bytes written so far. */
    public int length() {
        return length;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, length);
    }

    /** int, enum, unsigned int (same bits), and libvirt's char / short / bool, which XDR widens to 4 bytes. */
    public XdrWriter writeInt(int v) {
        ensure(4);
        buf[length++] = (byte) (v >>> 24);
        buf[length++] = (byte) (v >>> 16);
        buf[length++] = (byte) (v >>> 8);
        buf[length++] = (byte) v;
        return this;
    }

    /** hyper and unsigned hyper (same bits). */
    public XdrWriter writeHyper(long v) {
        writeInt((int) (v >>> 32));
        return writeInt((int) v);
    }

    public XdrWriter writeDouble(double v) {
        return writeHyper(Double.doubleToLongBits(v));
    }

    /** The optional-data flag of {@code T *x}: 1 present, 0 absent. */
    public XdrWriter writePresent(boolean present) {
        return writeInt(present ? 1 : 0);
    }

    /** {@code string<max>}: length, UTF-8 bytes, zero padding to 4. */
    public XdrWriter writeString(String s, int max) {
        return writeOpaque(s.getBytes(StandardCharsets.UTF_8), max);
    }

    /** {@code opaque<max>}: length, bytes, zero padding to 4. */
    public XdrWriter writeOpaque(byte[] bytes, int max) {
        if (bytes.length > max) {
            throw new XdrException("cannot encode " + bytes.length + " bytes in a field of at most " + max);
        }
        writeInt(bytes.length);
        return writeFixedOpaque(bytes, bytes.length);
    }

    /** {@code opaque[n]}: exactly n bytes, zero padding to 4, no length. */
    public XdrWriter writeFixedOpaque(byte[] bytes, int n) {
        if (bytes.length != n) {
            throw new XdrException("fixed opaque of " + n + " bytes given " + bytes.length);
        }
        int padded = pad(n);
        ensure(padded);
        System.arraycopy(bytes, 0, buf, length, n);
        Arrays.fill(buf, length + n, length + padded, (byte) 0);
        length += padded;
        return this;
    }

    /** Appends bytes that are already XDR (a nested payload). */
    public XdrWriter writeRaw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, length, bytes.length);
        length += bytes.length;
        return this;
    }

    /** Overwrites the 4-byte item at {@code offset} (e.g. a length word written before it was known). */
    public void setInt(int offset, int v) {
        if (offset < 0 || offset + 4 > length) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + (length - 4));
        }
        buf[offset] = (byte) (v >>> 24);
        buf[offset + 1] = (byte) (v >>> 16);
        buf[offset + 2] = (byte) (v >>> 8);
        buf[offset + 3] = (byte) v;
    }

    static int pad(int n) {
        return (n + 3) & ~3;
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
        }
    }
}
