package io.jvirtd.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirtd.api.event.IoRegistration;
import io.jvirtd.api.lock.LockGuard;
import io.jvirtd.api.lock.LockLevel;
import io.jvirtd.core.internal.lock.OrderedLockFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client's send path: direct write when nothing is queued, the loop's path otherwise. */
@Timeout(10)
class ClientSendTest {
    private static final int MAX_REQUESTS = 2;

    private final OrderedLockFactory locks = new OrderedLockFactory(true, Duration.ofSeconds(5));
    private ServerSocketChannel listener;
    private SocketChannel peer; // the remote end, blocking
    private Client client;
    private FakeRegistration registration;

    @BeforeEach
    void connect() throws IOException {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        peer = SocketChannel.open(listener.getLocalAddress());
        SocketChannel server = listener.accept();
        server.configureBlocking(false);
        client = new Client(1, server, "tcp", false, null, locks.create(LockLevel.CLIENT, "client 1"), 1 << 20);
        registration = new FakeRegistration(server);
        client.registration = registration;
    }

    @AfterEach
    void close() throws IOException {
        client.channel.close();
        peer.close();
        listener.close();
    }

    @Test
    void replyWithNothingQueuedIsWrittenAtOnceAndFreesItsSlot() throws IOException {
        try (LockGuard g = client.lock.acquire()) {
            client.startCallLocked();
            client.queueLocked(message("reply"), MAX_REQUESTS);
            assertEquals(0, client.inFlightLocked());
        }
        assertEquals(0, registration.changes, "no interest change, so no event-loop round trip");
        assertEquals("reply", read(5));
    }

    @Test
    void replyWhileReadingIsPausedGoesThroughTheLoop() throws IOException {
        try (LockGuard g = client.lock.acquire()) {
            client.startCallLocked();
            client.startCallLocked();
            assertTrue(client.readPausedLocked(MAX_REQUESTS));
            client.queueLocked(message("first"), MAX_REQUESTS);
            assertEquals(2, client.inFlightLocked(), "queued, not written: the loop drains buffered calls");
            assertEquals(SelectionKey.OP_WRITE, registration.interest());
            assertFalse(client.flushLocked(MAX_REQUESTS));
            assertEquals(1, client.inFlightLocked());
            assertEquals(SelectionKey.OP_READ, registration.interest());
        }
        assertEquals("first", read(5));
    }

    @Test
    void closeAfterADirectlyWrittenReplyStillReachesTheLoop() throws IOException {
        try (LockGuard g = client.lock.acquire()) {
            client.startCallLocked();
            client.queueLocked(message("bye"), MAX_REQUESTS);
            client.closeWhenFlushedLocked();
            assertEquals(SelectionKey.OP_WRITE, registration.interest(), "the loop must see the close");
            assertTrue(client.flushLocked(MAX_REQUESTS));
        }
        assertEquals("bye", read(3));
    }

    private static OutgoingMessage message(String text) {
        return new OutgoingMessage(ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), true);
    }

    private String read(int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (peer.read(buf) < 0) {
                break;
            }
        }
        return new String(buf.array(), 0, buf.position(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Records interest changes instead of applying them on a loop. Confined to the test thread. */
    private static final class FakeRegistration implements IoRegistration {
        private final SelectableChannel channel;
        private int interest = SelectionKey.OP_READ;
        int changes;

        FakeRegistration(SelectableChannel channel) {
            this.channel = channel;
        }

        @Override
        public SelectableChannel channel() {
            return channel;
        }

        @Override
        public void setInterest(int interestOps) {
            interest = interestOps;
            changes++;
        }

        @Override
        public int interest() {
            return interest;
        }

        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
