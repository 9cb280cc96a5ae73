package io.jvirtd.itests;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

import io.jvirtd.xdr.message.Frame;
import io.jvirtd.xdr.message.FrameDecoder;

/**
 * A bare libvirt-protocol client on the unix socket, for what virsh never sends: garbage, hostile
 * lengths, unknown procedures. Reads with a deadline.
 */
final class RawRpcClient implements AutoCloseable {
    private final SocketChannel channel;
    private final FrameDecoder decoder = new FrameDecoder();

    RawRpcClient(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
    }

    void send(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** The next frame from the server, or null if the server closed the connection first. */
    Frame receive(Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        channel.configureBlocking(false);
        ByteBuffer buf = ByteBuffer.allocate(8192);
        try (var selector = java.nio.channels.Selector.open()) {
            channel.register(selector, java.nio.channels.SelectionKey.OP_READ);
            while (true) {
                Frame f = decoder.next();
                if (f != null) {
                    return f;
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no frame and no close within " + deadline);
                }
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
                buf.clear();
                int n = channel.read(buf);
                if (n < 0) {
                    return null;
                }
                buf.flip();
                decoder.feed(buf);
            }
        } finally {
            // closing the selector deregisters the channel, so it can be made blocking again
            channel.configureBlocking(true);
        }
    }

    /** True if the server closed the connection within the deadline (anything it sent first is skipped). */
    boolean closedByServer(Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            Frame f = receive(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            if (f == null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
