package io.jvirtd.xdr.message;

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
}
