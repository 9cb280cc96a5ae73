package io.jvirtd.rpc.internal;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

import io.jvirtd.api.event.IoRegistration;
import io.jvirtd.api.event.LoopTimer;
import io.jvirtd.api.lock.OrderedLock;
import io.jvirtd.xdr.message.FrameDecoder;

/**
 * One connected client (seed 000's {@code qemud_client}). Its lock (level CLIENT) guards the send
 * queue, the count of calls in flight, the read pause and the closed flag. The receive buffer and
 * the frame decoder are touched only by the event loop. Ref-counted: a worker running one of its
 * calls holds a reference and no lock.
 * <p>
 * Invariants (under the lock): {@code 0 <= inFlight <= maxClientRequests}; reading is paused iff
 * {@code inFlight == maxClientRequests} or the client is closing; once closed, nothing is queued.
 */
final class Client {
    final long id; // immutable
    final SocketChannel channel; // immutable
    final String transport; // immutable: "unix" or "tcp"
    final boolean readOnlySocket; // immutable
    final long connectedAt = System.currentTimeMillis() / 1000; // immutable: seconds since the epoch (virt-admin)
    final UnixPeer peer; // immutable; who connected (unix sockets only), null for TCP
    final OrderedLock lock; // immutable; level CLIENT
    final ClientSession session = new ClientSession(); // thread-safe by itself
    final FrameDecoder decoder; // event-loop confined
    private final AtomicInteger references = new AtomicInteger(1); // atomic; 1 for the server's list
    private final ArrayDeque<OutgoingMessage> sendQueue = new ArrayDeque<>(); // guarded by lock
    private int inFlight; // guarded by lock
    private boolean closed; // guarded by lock
    private boolean closeWhenFlushed; // guarded by lock
    private boolean limitLogged; // guarded by lock
    volatile IoRegistration registration; // set once by the event loop right after accept
    volatile long lastReceivedNanos = System.nanoTime(); // written by the event loop
    LoopTimer keepaliveTimer; // event-loop confined
    int keepaliveCountdown; // event-loop confined

    Client(long id, SocketChannel channel, String transport, boolean readOnlySocket, UnixPeer peer, OrderedLock lock,
            int maxMessage) {
        this.id = id;
        this.channel = channel;
        this.transport = transport;
        this.readOnlySocket = readOnlySocket;
        this.peer = peer;
        this.lock = lock;
        this.decoder = new FrameDecoder(maxMessage);
    }

    /** The peer's credentials as known now (the pid only once looked up); null for TCP. */
    PeerCredentials peerCredentials() {
        return peer != null ? peer.credentials() : null;
    }

    void ref() {
        references.incrementAndGet();
    }

    void unref() {
        if (references.decrementAndGet() < 0) {
            throw new IllegalStateException("client " + id + " reference count below zero");
        }
    }

    int references() {
        return references.get();
    }

    boolean isClosedLocked() {
        assert lock.isHeldByCurrentThread();
        return closed;
    }

    int inFlightLocked() {
        assert lock.isHeldByCurrentThread();
        return inFlight;
    }

    /** Takes a request slot for a call about to be dispatched. */
    void startCallLocked() {
        assert lock.isHeldByCurrentThread();
        inFlight++;
    }

    /** True (once) when the client just reached its limit, so the caller can log it. */
    boolean firstTimeAtLimitLocked() {
        assert lock.isHeldByCurrentThread();
        if (limitLogged) {
            return false;
        }
        limitLogged = true;
        return true;
    }

    /**
     * Queues a message; a closed client drops it (and frees its slot).
     * <p>
     * Fast path: when nothing is queued before it and reading is not paused, the message is
     * written at once by the calling thread (a worker, usually) with a non-blocking write, under the
     * client lock as the loop's own writes are. A reply that fits in the socket buffer then costs no
     * event-loop round trip: no task, no selector wake-up, no interest change there and back, no
     * second pass through the server and client locks (the profile of the lookup mix showed those as
     * a third of the daemon's time). Order is kept because it is taken only with an empty queue.
     * Reading must not be paused: a paused client may have frames buffered that only the loop
     * drains when a queued reply frees a slot, so that case keeps the loop path. Whatever is not
     * written (a large reply, a full socket buffer, an I/O error, which the loop then meets and
     * closes the client for) is queued for the loop as before.
     */
    void queueLocked(OutgoingMessage message, int maxRequests) {
        assert lock.isHeldByCurrentThread();
        if (closed) {
            if (message.tracked()) {
                inFlight--;
            }
            return;
        }
        if (sendQueue.isEmpty() && !readPausedLocked(maxRequests) && registration != null) {
            try {
                channel.write(message.bytes());
            } catch (IOException e) {
                // left to the loop: its write fails the same way and closes the client
            }
            if (!message.bytes().hasRemaining()) {
                if (message.tracked()) {
                    inFlight--;
                }
                return;
            }
        }
        sendQueue.addLast(message);
        updateInterestLocked(maxRequests);
    }

    /**
     * The client is to be closed once its queue is written. Asks for write interest even when the
     * queue is already empty (its last reply may have been written directly), so the loop's flush
     * sees the empty queue and closes it.
     */
    void closeWhenFlushedLocked() {
        assert lock.isHeldByCurrentThread();
        closeWhenFlushed = true;
        IoRegistration reg = registration;
        if (reg != null && !closed && reg.interest() != SelectionKey.OP_WRITE) {
            reg.setInterest(SelectionKey.OP_WRITE);
        }
    }

    /**
     * Writes queued messages until the socket would block. Frees a request slot per finished tracked
     * reply. Event loop only.
     *
     * @return true if the client asked to be closed and everything is written
     */
    boolean flushLocked(int maxRequests) throws IOException {
        assert lock.isHeldByCurrentThread();
        while (!sendQueue.isEmpty()) {
            OutgoingMessage head = sendQueue.peekFirst();
            channel.write(head.bytes());
            if (head.bytes().hasRemaining()) {
                break;
            }
            sendQueue.pollFirst();
            if (head.tracked()) {
                inFlight--;
            }
        }
        updateInterestLocked(maxRequests);
        return closeWhenFlushed && sendQueue.isEmpty();
    }

    /** Marks the client closed; returns false if it already was. */
    boolean markClosedLocked() {
        assert lock.isHeldByCurrentThread();
        if (closed) {
            return false;
        }
        closed = true;
        sendQueue.clear();
        return true;
    }

    boolean readPausedLocked(int maxRequests) {
        assert lock.isHeldByCurrentThread();
        return inFlight >= maxRequests || closeWhenFlushed;
    }

    void updateInterestLocked(int maxRequests) {
        assert lock.isHeldByCurrentThread();
        IoRegistration reg = registration;
        if (reg == null || closed) {
            return;
        }
        int ops = (readPausedLocked(maxRequests) ? 0 : SelectionKey.OP_READ)
                | (sendQueue.isEmpty() && !closeWhenFlushed ? 0 : SelectionKey.OP_WRITE);
        if (reg.interest() != ops) {
            reg.setInterest(ops);
        }
    }

    @Override
    public String toString() {
        PeerCredentials creds = peerCredentials();
        return "client " + id + " (" + transport + (readOnlySocket ? ", read-only socket" : "")
                + (creds != null ? ", " + creds : "") + ")";
    }
}
