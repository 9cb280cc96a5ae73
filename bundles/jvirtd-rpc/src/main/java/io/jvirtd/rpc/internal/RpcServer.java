package io.jvirtd.rpc.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.jvirtd.api.dispatch.Priority;
import io.jvirtd.api.dispatch.WorkerPool;
import io.jvirtd.api.driver.DriverRegistry;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.event.EventLoop;
import io.jvirtd.api.lock.LockFactory;
import io.jvirtd.api.lock.LockGuard;
import io.jvirtd.api.lock.LockLevel;
import io.jvirtd.api.lock.OrderedLock;
import io.jvirtd.xdr.message.Frame;
import io.jvirtd.xdr.message.FramingException;
import io.jvirtd.xdr.message.Frames;
import io.jvirtd.xdr.message.MessageHeader;
import io.jvirtd.xdr.message.MessageStatus;
import io.jvirtd.xdr.message.MessageType;
import io.jvirtd.xdr.remote.KeepaliveProgram;
import io.jvirtd.xdr.remote.ProcedureDescriptor;
import io.jvirtd.xdr.remote.RemoteProcedures;
import io.jvirtd.xdr.remote.RemoteProgram;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The libvirtd server (seeds 000/001, DESIGN §4). The event loop accepts clients and, for each
 * readable client, takes the server lock, then the client lock, drops the server lock (hand-over-
 * hand) and reads and frames with non-blocking I/O. Keepalive PINGs are answered right there. A CALL
 * takes one of the client's request slots and goes to the worker pool with its procedure's priority;
 * the worker runs it holding a client reference and no lock, then queues the reply under the client
 * lock. The server lock (level SERVER) guards the client table and the accept pause.
 */
@Component(service = {}, immediate = true, configurationPid = ServerSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class RpcServer {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
    private static final int MAX_READS_PER_EVENT = 16;

    private final EventLoop loop; // immutable
    private final WorkerPool workers; // immutable
    private final LockFactory locks; // immutable
    private final RemoteDispatcher dispatcher; // immutable
    private final OrderedLock serverLock; // immutable; level SERVER
    private final Map<Long, Client> clients = new LinkedHashMap<>(); // guarded by serverLock
    private final List<Listener> listeners = new ArrayList<>(); // written at activation only, then read
    private final AtomicLong nextClientId = new AtomicLong();
    private volatile ServerSettings settings;
    private boolean acceptPaused; // guarded by serverLock

    @Activate
    public RpcServer(@Reference EventLoop loop, @Reference(target = "(jvirtd.server=libvirtd)") WorkerPool workers,
            @Reference LockFactory locks, @Reference DriverRegistry drivers, Map<String, Object> properties)
            throws IOException {
        this.loop = loop;
        this.workers = workers;
        this.locks = locks;
        this.serverLock = locks.create(LockLevel.SERVER, "server libvirtd");
        this.dispatcher = new RemoteDispatcher(drivers, this::startKeepalive, this::pushEvent);
        this.settings = ServerSettings.fromConfiguration(properties);
        open();
    }

    private void open() throws IOException {
        ServerSettings s = settings;
        try {
            listeners.add(Listener.unix(s.unixSockDir().resolve("libvirt-sock"), false, s.unixSockRwPerms()));
            listeners.add(Listener.unix(s.unixSockDir().resolve("libvirt-sock-ro"), true, s.unixSockRoPerms()));
            if (s.listenTcp()) {
                listeners.add(Listener.tcp(s.listenAddr(), s.tcpPort()));
            }
        } catch (IOException e) {
            listeners.forEach(Listener::close);
            throw e;
        }
        for (Listener l : listeners) {
            l.registration = loop.register(l.channel, SelectionKey.OP_ACCEPT, (reg, ops) -> accept(l));
            LOG.info("listening on {}", l.name);
        }
    }

    @Modified
    void modified(Map<String, Object> properties) {
        ServerSettings wanted;
        try {
            wanted = ServerSettings.fromConfiguration(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("{}; keeping the current server settings", e.getMessage());
            return;
        }
        ServerSettings old = settings;
        if (!wanted.unixSockDir().equals(old.unixSockDir()) || wanted.listenTcp() != old.listenTcp()
                || wanted.tcpPort() != old.tcpPort() || !wanted.listenAddr().equals(old.listenAddr())
                || !wanted.unixSockRwPerms().equals(old.unixSockRwPerms())
                || !wanted.unixSockRoPerms().equals(old.unixSockRoPerms())) {
            LOG.warn("listener settings changed in {}; they apply when the daemon restarts", ServerSettings.PID);
        }
        settings = wanted;
        try (LockGuard s = serverLock.acquire()) {
            resumeAcceptLocked();
        }
        LOG.info("server libvirtd: max_clients={} max_client_requests={} keepalive_interval={} keepalive_count={}",
                wanted.maxClients(), wanted.maxClientRequests(), wanted.keepaliveInterval(), wanted.keepaliveCount());
    }

    @Deactivate
    void close() {
        listeners.forEach(Listener::close);
        List<Client> all;
        try (LockGuard s = serverLock.acquire()) {
            all = new ArrayList<>(clients.values());
        }
        for (Client c : all) {
            closeClient(c, "daemon stopping");
        }
        LOG.info("server libvirtd stopped");
    }

    // ---- event loop: accept ----

    private void accept(Listener listener) {
        Client client = null;
        try (LockGuard s = serverLock.acquire()) {
            if (clients.size() >= settings.maxClients()) {
                pauseAcceptLocked();
                return;
            }
            SocketChannel ch = listener.channel.accept();
            if (ch == null) {
                return;
            }
            ch.configureBlocking(false);
            long id = nextClientId.incrementAndGet();
            client = new Client(id, ch, listener.transport, listener.readOnly, listener.peerOf(ch),
                    locks.create(LockLevel.CLIENT, "client " + id), settings.maxMessageSize());
            clients.put(id, client);
            Client c = client;
            client.registration = loop.register(ch, SelectionKey.OP_READ, (reg, ops) -> ready(c, ops));
            if (clients.size() >= settings.maxClients()) {
                pauseAcceptLocked();
            }
        } catch (IOException e) {
            LOG.warn("accepting a client on {} failed: {}", listener.name, e.getMessage());
        }
        if (client != null) {
            LOG.info("{} connected on {}", client, listener.name);
        }
    }

    private void pauseAcceptLocked() {
        assert serverLock.isHeldByCurrentThread();
        if (!acceptPaused) {
            acceptPaused = true;
            listeners.forEach(l -> l.registration.setInterest(0));
            LOG.warn("max_clients ({}) reached: new connections wait in the listen backlog", settings.maxClients());
        }
    }

    private void resumeAcceptLocked() {
        assert serverLock.isHeldByCurrentThread();
        if (acceptPaused && clients.size() < settings.maxClients()) {
            acceptPaused = false;
            listeners.forEach(l -> l.registration.setInterest(SelectionKey.OP_ACCEPT));
            LOG.info("accepting connections again ({} clients)", clients.size());
        }
    }

    // ---- event loop: client I/O ----

    private void ready(Client client, int ops) {
        String closeReason = null;
        try (LockGuard s = serverLock.acquire()) {
            if (!clients.containsKey(client.id)) {
                return;
            }
            try (LockGuard c = client.lock.acquire()) {
                s.close(); // seed 000: the server lock may be dropped once the client lock is held
                closeReason = ioLocked(client, ops);
            }
        }
        if (closeReason != null) {
            closeClient(client, closeReason);
        }
    }

    /** Writes, reads and frames; returns why the client must be closed, or null. */
    private String ioLocked(Client client, int ops) {
        int max = settings.maxClientRequests();
        try {
            if ((ops & SelectionKey.OP_WRITE) != 0 && client.flushLocked(max)) {
                return "closed by the client (connect_close)";
            }
            if ((ops & SelectionKey.OP_READ) != 0 && !client.readPausedLocked(max)) {
                for (int i = 0; i < MAX_READS_PER_EVENT; i++) {
                    ByteBuffer buf = client.readBuffer;
                    buf.clear();
                    int n = client.channel.read(buf);
                    if (n < 0) {
                        return "the client hung up";
                    }
                    if (n == 0) {
                        break;
                    }
                    buf.flip();
                    client.decoder.feed(buf);
                    client.lastReceivedNanos = System.nanoTime();
                    client.keepaliveCountdown = settings.keepaliveCount();
                }
            }
            return drainFramesLocked(client);
        } catch (IOException e) {
            return "I/O error: " + e.getMessage();
        }
    }

    /** Handles buffered frames while the client has free request slots. */
    private String drainFramesLocked(Client client) {
        int max = settings.maxClientRequests();
        try {
            Frame frame;
            while (!client.readPausedLocked(max) && (frame = client.decoder.next()) != null) {
                handleFrameLocked(client, frame);
            }
            client.updateInterestLocked(max);
            return null;
        } catch (FramingException e) {
            LOG.warn("{}: {}; closing the connection", client, e.getMessage());
            return e.getMessage();
        }
    }

    private void handleFrameLocked(Client client, Frame frame) {
        MessageHeader h = frame.header();
        int max = settings.maxClientRequests();
        if (h.program() == KeepaliveProgram.PROGRAM) {
            if (h.type() == MessageType.MESSAGE && h.procedure() == KeepaliveProgram.PING) {
                client.queueLocked(untracked(keepalive(KeepaliveProgram.PONG)), max);
            }
            return;
        }
        if (h.type() != MessageType.CALL) {
            // replies, events and streams from a client, and calls passing file descriptors (not
            // supported yet), are dropped as libvirtd drops packets it does not serve
            LOG.debug("{}: dropping {}", client, h);
            return;
        }
        if (h.program() != RemoteProgram.PROGRAM || h.version() != RemoteProgram.VERSION) {
            client.queueLocked(untracked(RemoteDispatcher.errorReply(h, RemoteDispatcher.rpcError(
                    "Cannot find program " + h.program() + " version " + h.version()))), max);
            return;
        }
        if (h.status() != MessageStatus.OK) {
            client.queueLocked(untracked(RemoteDispatcher.errorReply(h, RemoteDispatcher.rpcError(
                    "Unexpected message status " + Integer.toUnsignedString(h.statusValue())))), max);
            return;
        }
        Priority priority = RemoteProcedures.byNumber(h.procedure()).map(ProcedureDescriptor::priority)
                .orElse(Priority.NORMAL);
        client.startCallLocked();
        if (client.inFlightLocked() >= max && client.firstTimeAtLimitLocked()) {
            LOG.warn("{} hit max requests limit {}. This may result in keep-alive timeouts. "
                    + "Consider tuning the max_client_requests server parameter", client, max);
        }
        client.ref();
        try {
            workers.submit(priority, () -> runCall(client, frame));
        } catch (VirException rejected) {
            client.unref();
            client.queueLocked(new OutgoingMessage(ByteBuffer.wrap(RemoteDispatcher.errorReply(h, rejected)), true), max);
        }
    }

    // ---- worker ----

    private void runCall(Client client, Frame frame) {
        try {
            byte[] reply = dispatcher.dispatch(client, frame);
            boolean closing = frame.header().procedure() == 2;
            try (LockGuard c = client.lock.acquire()) {
                client.queueLocked(new OutgoingMessage(ByteBuffer.wrap(reply), true), settings.maxClientRequests());
                if (closing) {
                    client.closeWhenFlushedLocked();
                }
            }
        } finally {
            client.unref();
        }
    }

    // ---- events ----

    /** Queues an event for a client from any thread holding no lock; the event loop sends it in order. */
    private void pushEvent(Client client, byte[] message) {
        loop.execute(() -> {
            try (LockGuard c = client.lock.acquire()) {
                client.queueLocked(untracked(message), settings.maxClientRequests());
            }
        });
    }

    // ---- keepalive ----

    /** Starts the server's keepalive pings for a client that asked for the keepalive feature. */
    private void startKeepalive(Client client) {
        int interval = settings.keepaliveInterval();
        if (interval <= 0) {
            return;
        }
        loop.execute(() -> {
            if (client.keepaliveTimer == null) {
                client.keepaliveCountdown = settings.keepaliveCount();
                Duration period = Duration.ofSeconds(interval);
                client.keepaliveTimer = loop.scheduleRepeating(period, period, () -> keepaliveTick(client));
            }
        });
    }

    private void keepaliveTick(Client client) {
        int interval = settings.keepaliveInterval();
        boolean dead = false;
        try (LockGuard s = serverLock.acquire()) {
            if (!clients.containsKey(client.id)) {
                return;
            }
            try (LockGuard c = client.lock.acquire()) {
                s.close();
                if (System.nanoTime() - client.lastReceivedNanos < Duration.ofSeconds(interval).toNanos()) {
                    return;
                }
                if (client.keepaliveCountdown <= 0) {
                    dead = true;
                } else {
                    client.keepaliveCountdown--;
                    client.queueLocked(untracked(keepalive(KeepaliveProgram.PING)), settings.maxClientRequests());
                }
            }
        }
        if (dead) {
            closeClient(client, "connection closed due to keepalive timeout");
        }
    }

    // ---- closing ----

    private void closeClient(Client client, String reason) {
        try (LockGuard s = serverLock.acquire()) {
            if (clients.remove(client.id) == null) {
                return;
            }
            try (LockGuard c = client.lock.acquire()) {
                client.markClosedLocked();
            }
            resumeAcceptLocked();
        }
        if (client.registration != null) {
            client.registration.cancel();
        }
        if (client.keepaliveTimer != null) {
            client.keepaliveTimer.cancel();
        }
        try {
            client.channel.close();
        } catch (IOException e) {
            LOG.debug("{}: closing the socket failed: {}", client, e.getMessage());
        }
        Runnable release = () -> dispatcher.closeConnection(client);
        try {
            workers.submit(Priority.HIGH, release);
        } catch (VirException e) {
            release.run();
        }
        client.unref();
        LOG.info("{} disconnected: {}", client, reason);
    }

    private static OutgoingMessage untracked(byte[] message) {
        return new OutgoingMessage(ByteBuffer.wrap(message), false);
    }

    private static byte[] keepalive(int procedure) {
        return Frames.encode(new MessageHeader(KeepaliveProgram.PROGRAM, KeepaliveProgram.VERSION, procedure,
                MessageType.MESSAGE, 0, MessageStatus.OK), new byte[0]);
    }
}
