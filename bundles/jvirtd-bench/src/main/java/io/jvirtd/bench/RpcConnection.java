package io.jvirtd.bench;

import io.jvirtd.xdr.XdrReader;
import io.jvirtd.xdr.codec.XdrCodec;
import io.jvirtd.xdr.codec.XdrCodecs;
import io.jvirtd.xdr.message.Frame;
import io.jvirtd.xdr.message.FrameDecoder;
import io.jvirtd.xdr.message.FramingException;
import io.jvirtd.xdr.message.Frames;
import io.jvirtd.xdr.message.MessageHeader;
import io.jvirtd.xdr.message.MessageStatus;
import io.jvirtd.xdr.message.MessageType;
import io.jvirtd.xdr.remote.RemoteError;
import io.jvirtd.xdr.remote.RemoteProgram;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The client side of one libvirt connection, as small as a load generator needs: blocking socket,
 * one call at a time (closed loop), replies matched by serial, MESSAGE packets (events) skipped.
 * Encoding and framing are jvirtd-xdr's. Confined to one thread.
 */
final class RpcConnection implements AutoCloseable {
    private static final XdrCodec<RemoteError> ERROR = XdrCodecs.of(RemoteError.class); // immutable

    private final SocketChannel channel; // confined to the calling thread, as are the fields below
    private final FrameDecoder decoder = new FrameDecoder();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private int serial;

    private RpcConnection(SocketChannel channel) {
        this.channel = channel;
    }

    /** Connects to a unix socket path or to {@code host:port} over TCP. */
    static RpcConnection connect(String target) throws IOException {
        SocketChannel ch;
        if (target.startsWith("tcp:")) {
            String hostPort = target.substring(4);
            int colon = hostPort.lastIndexOf(':');
            SocketAddress address = new InetSocketAddress(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1)));
            ch = SocketChannel.open(address);
            ch.socket().setTcpNoDelay(true);
        } else {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(Path.of(target)));
        }
        return new RpcConnection(ch);
    }

    /**
     * Calls a REMOTE procedure and waits for its reply.
     *
     * @throws RemoteCallException if the daemon answered with an error
     */
    <A, R> R call(int procedure, XdrCodec<A> argsCodec, A args, XdrCodec<R> retCodec)
            throws IOException, RemoteCallException {
        int mySerial = ++serial;
        MessageHeader header = new MessageHeader(RemoteProgram.PROGRAM, RemoteProgram.VERSION, procedure,
                MessageType.CALL, mySerial, MessageStatus.OK);
        ByteBuffer out = ByteBuffer.wrap(Frames.encode(header, argsCodec, args));
        while (out.hasRemaining()) {
            channel.write(out);
        }
        while (true) {
            Frame frame = nextFrame();
            MessageHeader h = frame.header();
            if (!h.is(MessageType.REPLY) || h.serial() != mySerial) {
                continue; // an event or a keepalive: not ours
            }
            if (h.has(MessageStatus.ERROR)) {
                RemoteError e = ERROR.decode(frame.payload());
                throw new RemoteCallException(e.code(), e.message() != null ? e.message() : "error " + e.code());
            }
            return retCodec.decode(new XdrReader(frame.payload()));
        }
    }

    private Frame nextFrame() throws IOException {
        while (true) {
            Frame f;
            try {
                f = decoder.next();
            } catch (FramingException e) {
                throw new IOException("bad frame from the daemon: " + e.getMessage(), e);
            }
            if (f != null) {
                return f;
            }
            readBuffer.clear();
            if (channel.read(readBuffer) < 0) {
                throw new IOException("the daemon closed the connection");
            }
            readBuffer.flip();
            decoder.feed(readBuffer);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
