package io.jvirtd.xdr.message;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code virNetMessageHeader}, the 24 bytes after the length word. A reply copies its call's
 * program, version, procedure and serial.
 *
 * @param program the program number, e.g. 0x20008086 (REMOTE)
 * @param version the program version (1 for all of libvirt's)
 * @param procedure the procedure number within the program
 * @param type what the packet is
 * @param serial the call's id
 * @param status OK, ERROR or CONTINUE
 */
public record MessageHeader(@XdrUnsigned int program, @XdrUnsigned int version, int procedure, MessageType type,
        @XdrUnsigned int serial, MessageStatus status) {

    /** Serialised size of a header. */
    public static final int SIZE = 24;

    /** The header of the reply to this call, with the given status. */
    public MessageHeader reply(MessageStatus replyStatus) {
        return new MessageHeader(program, version, procedure, MessageType.REPLY, serial, replyStatus);
    }
}
