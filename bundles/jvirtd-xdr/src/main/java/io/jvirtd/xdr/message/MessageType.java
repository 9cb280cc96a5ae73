package io.jvirtd.xdr.message;

import java.util.Optional;

import io.jvirtd.xdr.codec.XdrEnum;

/** {@code virNetMessageType}: what a packet is. */
public enum MessageType implements XdrEnum {
    CALL(0), REPLY(1), MESSAGE(2), STREAM(3), CALL_WITH_FDS(4), REPLY_WITH_FDS(5), STREAM_HOLE(6);

    private final int value;

    MessageType(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }

    /** The constant with that wire value, if there is one. */
    public static Optional<MessageType> of(int value) {
        for (MessageType v : values()) {
            if (v.value == value) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
