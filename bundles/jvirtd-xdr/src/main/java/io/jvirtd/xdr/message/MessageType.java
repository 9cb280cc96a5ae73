package io.jvirtd.xdr.message;

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
}
