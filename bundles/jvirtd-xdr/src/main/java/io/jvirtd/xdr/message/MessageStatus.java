package io.jvirtd.xdr.message;

import java.util.Optional;

import io.jvirtd.xdr.codec.XdrEnum;

/** {@code virNetMessageStatus}: OK, ERROR (the payload is a remote_error), CONTINUE (more stream data). */
public enum MessageStatus implements XdrEnum {
    OK(0), ERROR(1), CONTINUE(2);

    private final int value;

    MessageStatus(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }

    /** The constant with that wire value, if there is one. */
    public static Optional<MessageStatus> of(int value) {
        for (MessageStatus v : values()) {
            if (v.value == value) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
