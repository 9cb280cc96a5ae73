package io.jvirtd.rpc.internal;

import java.nio.ByteBuffer;

/**
 * A message waiting in a client's send queue. A tracked message is the reply to a call that holds
 * one of the client's request slots; the slot is freed once it is fully written.
 *
 * @param bytes the whole message, length word included; its position advances as it is written
 * @param tracked true for the reply of a call dispatched to a worker
 */
record OutgoingMessage(ByteBuffer bytes, boolean tracked) {
}
