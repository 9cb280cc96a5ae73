package io.jvirtd.driver.qemu.internal.monitor;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A QMP server on a real unix socket for monitor tests: greets, answers {@code qmp_capabilities}
 * by itself and hands every other command to the test, which answers, sends events or closes, in
 * whatever order it likes. One client.
 */
final class FakeQmpServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServerSocketChannel server;
    private final BlockingQueue<JsonNode> commands = new LinkedBlockingQueue<>();
    private final Thread acceptor;
    private volatile SocketChannel client;

    FakeQmpServer(Path socket) throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(this::serve, "fake-qmp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve() {
        try {
            client = server.accept();
            send("{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}},"
                    + " \"capabilities\": []}}");
            // direct channel reads and writes: the stream adapters would share one lock for both ways
            ByteBuffer buf = ByteBuffer.allocate(8192);
            StringBuilder line = new StringBuilder();
            while (client.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    char c = (char) buf.get();
                    if (c != '\n') {
                        line.append(c);
                        continue;
                    }
                    JsonNode cmd = JSON.readTree(line.toString());
                    line.setLength(0);
                    if (cmd.path("execute").asText().equals("qmp_capabilities")) {
                        reply(cmd, "{}");
                    } else {
                        commands.add(cmd);
                    }
                }
                buf.clear();
            }
        } catch (IOException e) {
            // the test closed the connection
        }
    }

    /** The next command a client sent (other than qmp_capabilities), waiting up to 5 s. */
    JsonNode nextCommand() throws InterruptedException {
        JsonNode c = commands.poll(5, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("no command arrived within 5 s");
        }
        return c;
    }

    void reply(JsonNode cmd, String returnJson) throws IOException {
        send("{\"return\": " + returnJson + ", \"id\": " + cmd.get("id") + "}");
    }

    void error(JsonNode cmd, String desc) throws IOException {
        send("{\"error\": {\"class\": \"GenericError\", \"desc\": \"" + desc + "\"}, \"id\": " + cmd.get("id") + "}");
    }

    void event(String name) throws IOException {
        send("{\"timestamp\": {\"seconds\": 1, \"microseconds\": 2}, \"event\": \"" + name + "\"}");
    }

    synchronized void send(String line) throws IOException {
        ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            client.write(b);
        }
    }

    /** Drops the client, as a QEMU that exits does. */
    void hangUp() throws IOException {
        client.close();
    }

    @Override
    public void close() throws IOException {
        SocketChannel c = client;
        if (c != null) {
            c.close();
        }
        server.close();
    }
}
