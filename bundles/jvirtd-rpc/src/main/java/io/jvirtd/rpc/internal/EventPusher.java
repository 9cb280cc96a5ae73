package io.jvirtd.rpc.internal;

/**
 * Sends a server-initiated MESSAGE packet (an event) to a client. Called from any thread holding no
 * lock; the packet is queued behind the replies already queued for that client, never tracked as a
 * request, and dropped if the client has gone.
 */
@FunctionalInterface
interface EventPusher {
    void push(Client client, byte[] message);
}
