package io.jvirtd.xdr.message;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code virNetMessageHeader}, the 24 bytes after the length word. A reply copies its call's
 * program, version, procedure and serial.
 *
 * <p>The type and status are kept as the raw ints that arrived ({@link #typeValue()},
 * {@link #statusValue()}): libvirtd decodes them as plain ints, answers an unknown status on a CALL
 * with an error reply ("Unexpected message status %u") and drops a packet of unknown type, without
 * closing the connection; rejecting them while framing would close it. {@link #type()} and
 * {@link #status()} give the enum constants, or null for a value libvirt does not define.
 *
 * @param program the program number, e.g. 0x20008086 (REMOTE)
 * @param version the program version (1 for all of libvirt's)
 * @param procedure the procedure number within the program
 * @param typeValue a {@link MessageType} value as sent
 * @param serial the call's id
 * @param statusValue a {@link MessageStatus} value as sent
 */
public record MessageHeader(@XdrUnsigned int program, @XdrUnsigned int version, int procedure, int typeValue,
        @XdrUnsigned int serial, int statusValue) {

    /** Serialised size of a header. */
    public static final int SIZE = 24;

    /** A header with a known type and status (what jvirtd itself sends). */
    public MessageHeader(int program, int version, int procedure, MessageType type, int serial, MessageStatus status) {
        this(program, version, procedure, type.value(), serial, status.value());
    }

    /** The type, or null if {@link #typeValue()} is not one libvirt defines. */
    public MessageType type() {
        return MessageType.of(typeValue).orElse(null);
    }

    /** The status, or null if {@link #statusValue()} is not one libvirt defines. */
    public MessageStatus status() {
        return MessageStatus.of(statusValue).orElse(null);
    }

    /** True if the packet is of that type. */
    public boolean is(MessageType t) {
        return typeValue == t.value();
    }

    /** True if the packet has that status. */
    public boolean has(MessageStatus s) {
        return statusValue == s.value();
    }

    /**
     * The header of the reply to this call, with the given status. The type is REPLY even for a
     * CALL_WITH_FDS, as libvirtd sends it.
     */
    public MessageHeader reply(MessageStatus replyStatus) {
        return new MessageHeader(program, version, procedure, MessageType.REPLY, serial, replyStatus);
    }

    @Override
    public String toString() {
        MessageType t = type();
        MessageStatus s = status();
        return String.format("MessageHeader[prog=0x%08x vers=%d proc=%d type=%s serial=%s status=%s]", program,
                version, procedure, t == null ? Integer.toString(typeValue) : t.name(),
                Integer.toUnsignedString(serial), s == null ? Integer.toString(statusValue) : s.name());
    }
}
