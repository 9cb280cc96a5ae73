package io.jvirtd.driver.qemu.internal.monitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.event.EventLoop;
import io.jvirtd.api.event.IoRegistration;
import io.jvirtd.api.lock.LockFactory;
import io.jvirtd.api.lock.LockLevel;
import io.jvirtd.api.lock.OrderedLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One guest's QMP connection. The socket is non-blocking and registered with the core
 * {@link EventLoop}: the loop reads, cuts lines, parses them with Jackson, completes the waiting
 * command whose id a reply carries, and hands events (and the final close) to the event executor,
 * in order. Commands are written by the loop too: {@link #execute} queues the bytes and waits for
 * the reply with a deadline.
 * <p>
 * Seed 004: {@link #execute} must run inside EnterMonitor (a MONITOR-level lock held, and no OBJECT
 * lock); it checks this and refuses otherwise. The monitor lock is the guest's job monitor lock, so
 * this class has no lock of its own: its shared state is in concurrent collections, and
 * {@link #pendingOut} and {@link #lineBuffer} are confined to the event loop.
 */
public final class QmpMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QmpMonitor.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name; // immutable, for messages
    private final SocketChannel channel; // thread-safe
    private final EventLoop loop; // thread-safe
    private final Executor events; // serial; events and close run there in order
    private final QmpListener listener; // called on events only
    private final LockFactory locks; // thread-safe
    private final IoRegistration registration; // thread-safe
    private final AtomicLong nextId = new AtomicLong(1);
    /** Commands sent and not yet answered, by id. */
    private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final CompletableFuture<JsonNode> greeting = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Completed when the connection has ended, for whatever reason. */
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    /** Set by {@link #close}: the end of the connection is ours, not QEMU's, and is not reported. */
    private volatile boolean detached;
    private final Queue<ByteBuffer> pendingOut = new ArrayDeque<>(); // event-loop confined
    private final ByteArrayOutputStream lineBuffer = new ByteArrayOutputStream(); // event-loop confined
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024); // event-loop confined

    private QmpMonitor(String name, SocketChannel channel, EventLoop loop, Executor events, QmpListener listener,
            LockFactory locks) {
        this.name = name;
        this.channel = channel;
        this.loop = loop;
        this.events = events;
        this.listener = listener;
        this.locks = locks;
        this.registration = loop.register(channel, SelectionKey.OP_READ, (reg, ops) -> ready(ops));
    }

    /**
     * Connects to a guest's QMP socket, waits for the greeting and negotiates capabilities. Runs
     * with no driver lock held (it is socket I/O); the monitor is not yet shared, so no monitor lock
     * is needed for this first exchange.
     *
     * @throws VirException {@code VIR_ERR_OPERATION_FAILED} if the socket cannot be reached or does
     *         not greet in time
     */
    public static QmpMonitor connect(String name, Path socket, EventLoop loop, Executor events,
            QmpListener listener, LockFactory locks, Duration timeout) {
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.configureBlocking(false);
        } catch (IOException e) {
            throw new VirException(VirErrorCode.OPERATION_FAILED, VirErrorDomain.QEMU, String.format(
                    "failed to connect to monitor socket %s: %s", socket, e.getMessage()), e);
        }
        QmpMonitor mon = new QmpMonitor(name, ch, loop, events, listener, locks);
        try {
            mon.await(mon.greeting, "the QMP greeting", timeout);
            mon.send("qmp_capabilities", null, timeout);
            return mon;
        } catch (RuntimeException e) {
            mon.close();
            throw e;
        }
    }

    /**
     * Runs a QMP command and returns its {@code return} member. The caller is inside EnterMonitor.
     *
     * @param args the {@code arguments} object, or null
     * @throws VirException {@code VIR_ERR_INTERNAL_ERROR} for an error reply, naming the command and
     *         QEMU's description; {@code VIR_ERR_OPERATION_FAILED} if the monitor closed;
     *         {@code VIR_ERR_OPERATION_TIMEOUT} if QEMU did not answer in time
     */
    public JsonNode execute(String command, ObjectNode args, Duration timeout) {
        requireInMonitor(command);
        return send(command, args, timeout);
    }

    /**
     * Passes a client's raw QMP command through ({@code virsh qemu-monitor-command}) and returns the
     * reply line as QEMU wrote it, error replies included. The caller is inside EnterMonitor.
     */
    public String executeRaw(String json, Duration timeout) {
        requireInMonitor("qemu-monitor-command");
        JsonNode cmd;
        try {
            cmd = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.QEMU, "cannot parse json " + json + ": "
                    + e.getOriginalMessage());
        }
        if (!(cmd instanceof ObjectNode obj) || !obj.hasNonNull("execute")) {
            throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.QEMU,
                    "a QMP command is an object with an 'execute' member: " + json);
        }
        String id = "jvirtd-" + nextId.getAndIncrement();
        obj.put("id", id);
        JsonNode reply = roundTrip(id, obj, obj.get("execute").asText(), timeout);
        return reply.toString();
    }

    /** Completes when the connection ends: QEMU exited (or closed it), or {@link #close} ran. */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /** True until the connection ends. */
    public boolean isOpen() {
        return !closed.get();
    }

    private JsonNode send(String command, ObjectNode args, Duration timeout) {
        String id = "jvirtd-" + nextId.getAndIncrement();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("execute", command);
        if (args != null) {
            msg.set("arguments", args);
        }
        msg.put("id", id);
        JsonNode reply = roundTrip(id, msg, command, timeout);
        if (reply.has("error")) {
            JsonNode err = reply.get("error");
            throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.QEMU, String.format(
                    "unable to execute QEMU command '%s': %s", command, err.path("desc").asText(err.toString())));
        }
        return reply.path("return");
    }

    private JsonNode roundTrip(String id, ObjectNode msg, String command, Duration timeout) {
        if (closed.get()) {
            throw eof();
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        waiting.put(id, reply);
        if (closed.get()) { // closed between the check and the put: close() may have missed it
            waiting.remove(id);
            throw eof();
        }
        byte[] bytes = (msg.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        loop.execute(() -> write(ByteBuffer.wrap(bytes)));
        try {
            return await(reply, "command '" + command + "'", timeout);
        } finally {
            waiting.remove(id);
        }
    }

    private JsonNode await(CompletableFuture<JsonNode> f, String what, Duration timeout) {
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new VirException(VirErrorCode.OPERATION_TIMEOUT, VirErrorDomain.QEMU, String.format(
                    "QEMU monitor of %s did not answer %s within %d s", name, what, timeout.toSeconds()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VirException v) {
                throw v;
            }
            throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.QEMU, e.getCause().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirException(VirErrorCode.OPERATION_ABORTED, VirErrorDomain.QEMU, "interrupted waiting for "
                    + what);
        }
    }

    private void requireInMonitor(String command) {
        boolean monitor = false;
        for (OrderedLock l : locks.heldByCurrentThread()) {
            if (l.level() == LockLevel.OBJECT || l.level() == LockLevel.DRIVER || l.level() == LockLevel.OBJECT_LIST) {
                throw new IllegalStateException("QMP '" + command + "' with " + l.level() + " lock '" + l.name()
                        + "' held: monitor I/O runs inside EnterMonitor only (seed 004)");
            }
            monitor |= l.level() == LockLevel.MONITOR;
        }
        if (!monitor) {
            throw new IllegalStateException("QMP '" + command + "' outside EnterMonitor/ExitMonitor (seed 004)");
        }
    }

    private static VirException eof() {
        return new VirException(VirErrorCode.OPERATION_FAILED, VirErrorDomain.QEMU, "End of file from qemu monitor");
    }

    // ---- event loop side ----

    private void write(ByteBuffer buf) {
        if (closed.get()) {
            return;
        }
        pendingOut.add(buf);
        flush();
    }

    private void flush() {
        try {
            while (!pendingOut.isEmpty()) {
                ByteBuffer head = pendingOut.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    registration.setInterest(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
                pendingOut.poll();
            }
            registration.setInterest(SelectionKey.OP_READ);
        } catch (IOException e) {
            LOG.debug("QMP write to {} failed", name, e);
            shutDown();
        }
    }

    private void ready(int ops) {
        if ((ops & SelectionKey.OP_WRITE) != 0) {
            flush();
        }
        if ((ops & SelectionKey.OP_READ) == 0) {
            return;
        }
        try {
            int n;
            while ((n = channel.read(readBuffer)) > 0) {
                readBuffer.flip();
                while (readBuffer.hasRemaining()) {
                    byte b = readBuffer.get();
                    if (b == '\n') {
                        line(lineBuffer.toString(StandardCharsets.UTF_8));
                        lineBuffer.reset();
                    } else {
                        lineBuffer.write(b);
                    }
                }
                readBuffer.clear();
            }
            if (n < 0) {
                shutDown();
            }
        } catch (IOException e) {
            LOG.debug("QMP read from {} failed", name, e);
            shutDown();
        }
    }

    private void line(String text) {
        if (text.isBlank()) {
            return;
        }
        JsonNode msg;
        try {
            msg = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            LOG.warn("QMP of {} sent a line that is not JSON, ignored: {}", name, text);
            return;
        }
        if (msg.has("QMP")) {
            greeting.complete(msg);
        } else if (msg.has("event")) {
            String event = msg.get("event").asText();
            JsonNode data = msg.has("data") ? msg.get("data") : JSON.createObjectNode();
            events.execute(() -> listener.event(event, data));
        } else if (msg.has("id")) {
            CompletableFuture<JsonNode> f = waiting.get(msg.get("id").asText());
            if (f != null) {
                f.complete(msg);
            } else {
                LOG.debug("QMP of {}: reply to a command no one waits for any more: {}", name, text);
            }
        } else {
            LOG.debug("QMP of {}: message without id ignored: {}", name, text);
        }
    }

    /**
     * Ends the connection once: fails every waiting command and, unless the driver detached, tells
     * the listener after the events already queued. Safe on any thread (the registration and the
     * channel are thread-safe; the loop-confined buffers are not touched).
     */
    private void shutDown() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        registration.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing QMP of {}", name, e);
        }
        greeting.completeExceptionally(eof());
        waiting.values().forEach(f -> f.completeExceptionally(eof()));
        ended.complete(null);
        if (!detached) {
            events.execute(listener::closed);
        }
    }

    /**
     * Closes the connection without telling the listener (the driver detaches: QEMU keeps running, a
     * later driver instance reattaches). Waiting commands fail. Idempotent; any thread.
     */
    @Override
    public void close() {
        detached = true;
        shutDown();
    }
}
