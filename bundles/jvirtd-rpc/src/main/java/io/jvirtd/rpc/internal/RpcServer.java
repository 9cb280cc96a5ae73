package io.jvirtd.rpc.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.jvirtd.api.admin.LoggingControl;
import io.jvirtd.api.admin.ServerAdmin;
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
import io.jvirtd.xdr.admin.AdminProcedures;
import io.jvirtd.xdr.remote.KeepaliveProgram;
import io.jvirtd.xdr.remote.ProcedureDescriptor;
import io.jvirtd.xdr.remote.RemoteProcedures;
import io.jvirtd.xdr.qemu.QemuProcedures;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's servers (seeds 000/001, DESIGN §4): {@code libvirtd} (REMOTE program, and the QEMU
 * program beside it, on libvirt-sock, libvirt-sock-ro and TCP) and {@code admin} (ADMIN program on libvirt-admin-sock), each a
 * {@link NetServer} with its own clients, limits and worker pool. The event loop accepts clients and,
 * for each readable client, takes its server's lock, then the client lock, drops the server lock
 * (hand-over-hand) and reads and frames with non-blocking I/O. Keepalive PINGs are answered right there. A CALL
 * takes one of the client's request slots and goes to the worker pool with its procedure's priority;
 * the worker runs it holding a client reference and no lock, then queues the reply under the client
 * lock. A server's lock (level SERVER) guards its client table, limits and accept pause; no thread
 * holds the two servers' locks at once.
 */
@Component(service = {}, immediate = true, configurationPid = ServerSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class RpcServer {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
    private static final int MAX_READS_PER_EVENT = 16;
    private static final int CONNECT_CLOSE = 2;

    private final EventLoop loop; // immutable
    private final LockFactory locks; // immutable
    private static final Duration ADMIN_CLOSE_DEADLINE = Duration.ofSeconds(10);

    private final RemoteDispatcher dispatcher; // immutable
    private final NetServer libvirtd; // immutable
    private final NetServer admin; // immutable
    private final List<NetServer> servers; // immutable: in virt-admin's srv-list order
    private final ServiceRegistration<ServerAdmin> adminRegistration; // immutable
    private volatile ServerSettings settings;
    /**
     * Event-loop confined: every client's socket reads pass through this one buffer (the frame
     * decoder copies what it gets), so an idle connection does not keep a read buffer of its own.
     */
    private final ByteBuffer loopReadBuffer = ByteBuffer.allocate(64 * 1024);

    /** The logging bundle's service for virt-admin daemon-log-*; null while that bundle is not running. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LoggingControl logging;

    @Activate
    public RpcServer(@Reference EventLoop loop, @Reference(target = "(jvirtd.server=libvirtd)") WorkerPool workers,
            @Reference(target = "(jvirtd.server=admin)") WorkerPool adminWorkers,
            @Reference LockFactory locks, @Reference DriverRegistry drivers, Map<String, Object> properties,
            BundleContext context) throws IOException {
        this.loop = loop;
        this.locks = locks;
        this.settings = ServerSettings.fromConfiguration(properties);
        this.dispatcher = new RemoteDispatcher(drivers, this::startKeepalive, this::pushEvent);
        this.libvirtd = new NetServer("libvirtd", locks.create(LockLevel.SERVER, "server libvirtd"), workers,
                List.of(new ServedProgram(RemoteProcedures.TABLE, dispatcher::dispatch),
                        new ServedProgram(QemuProcedures.TABLE, new QemuDispatcher(dispatcher)::dispatch)),
                dispatcher::closeConnection,
                new ClientLimits(settings.maxClients(), settings.maxAnonymousClients()));
        ServerAdministration administration = new ServerAdministration(this::servers, this::disconnect);
        AdminDispatcher adminDispatcher = new AdminDispatcher(this::servers, administration, () -> logging);
        this.admin = new NetServer("admin", locks.create(LockLevel.SERVER, "server admin"), adminWorkers,
                List.of(new ServedProgram(AdminProcedures.TABLE, adminDispatcher::dispatch)), client -> { },
                new ClientLimits(settings.adminMaxClients(), 0));
        this.servers = List.of(libvirtd, admin);
        open();
        this.adminRegistration = context.registerService(ServerAdmin.class, administration, null);
    }

    private void open() throws IOException {
        reconcileListeners(settings);
    }

    /**
     * Makes every server listen where {@code s} says: sockets already open with the same file or
     * address are kept (their permissions re-applied), new ones are opened first, then the ones no
     * longer wanted are closed. If any new socket cannot be opened, the ones just opened are closed
     * and nothing changes.
     */
    private void reconcileListeners(ServerSettings s) throws IOException {
        Map<NetServer, List<ListenerSpec>> wanted = Map.of(libvirtd, ListenerSpec.libvirtd(s), admin,
                ListenerSpec.admin(s));
        Map<NetServer, List<Listener>> opened = new java.util.HashMap<>();
        try {
            for (NetServer srv : servers) {
                List<Listener> fresh = new ArrayList<>();
                opened.put(srv, fresh);
                for (ListenerSpec spec : wanted.get(srv)) {
                    Listener existing = find(srv, spec.key());
                    if (existing != null) {
                        existing.setPermissions(spec.perms() == null ? "0700" : spec.perms());
                    } else {
                        fresh.add(spec.open());
                    }
                }
            }
        } catch (IOException e) {
            opened.values().forEach(list -> list.forEach(Listener::close));
            throw e;
        }
        for (NetServer srv : servers) {
            List<String> keys = wanted.get(srv).stream().map(ListenerSpec::key).toList();
            List<Listener> stale = srv.listeners.stream().filter(l -> !keys.contains(l.key())).toList();
            List<Listener> fresh = opened.get(srv);
            for (Listener l : fresh) {
                l.registration = loop.register(l.channel, SelectionKey.OP_ACCEPT, (reg, ops) -> accept(srv, l));
            }
            srv.replaceListeners(stale, fresh);
            fresh.forEach(l -> LOG.info("server {} listening on {}", srv.name, l.name));
            for (Listener l : stale) {
                l.close();
                LOG.info("server {} no longer listening on {} (its clients stay connected)", srv.name, l.name);
            }
        }
    }

    private static Listener find(NetServer srv, String key) {
        return srv.listeners.stream().filter(l -> l.key().equals(key)).findFirst().orElse(null);
    }

    /** The servers, in srv-list order. */
    List<NetServer> servers() {
        return servers;
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
                || !wanted.unixSockRoPerms().equals(old.unixSockRoPerms())
                || !wanted.unixSockAdminPerms().equals(old.unixSockAdminPerms())) {
            try {
                reconcileListeners(wanted);
            } catch (IOException | RuntimeException e) {
                LOG.error("cannot listen as {} now says ({}); keeping the current sockets and server settings",
                        ServerSettings.PID, e.getMessage());
                return;
            }
        }
        try {
            libvirtd.setLimits(wanted.maxClients(), wanted.maxAnonymousClients());
            admin.setLimits(wanted.adminMaxClients(), -1);
        } catch (VirException e) {
            LOG.error("{} in {}; keeping the current server settings", e.getMessage(), ServerSettings.PID);
            return;
        }
        settings = wanted;
        LOG.info("server libvirtd: max_clients={} max_client_requests={} keepalive_interval={} keepalive_count={}",
                wanted.maxClients(), wanted.maxClientRequests(), wanted.keepaliveInterval(), wanted.keepaliveCount());
    }

    @Deactivate
    void close() {
        adminRegistration.unregister();
        for (NetServer srv : servers) {
            srv.listeners.forEach(Listener::close);
            for (Client c : srv.clients()) {
                closeClient(srv, c, "daemon stopping");
            }
            LOG.info("server {} stopped", srv.name);
        }
    }

    // ---- event loop: accept ----

    private void accept(NetServer srv, Listener listener) {
        Client client = null;
        try (LockGuard s = srv.lock.acquire()) {
            if (srv.clients.size() >= srv.maxClientsLocked()) {
                srv.pauseAcceptLocked();
                return;
            }
            SocketChannel ch = listener.channel.accept();
            if (ch == null) {
                return;
            }
            ch.configureBlocking(false);
            long id = srv.nextClientId.incrementAndGet();
            client = new Client(id, ch, listener.transport, listener.readOnly, listener.peerOf(ch),
                    locks.create(LockLevel.CLIENT, srv.name + " client " + id), settings.maxMessageSize());
            srv.clients.put(id, client);
            Client c = client;
            client.registration = loop.register(ch, SelectionKey.OP_READ, (reg, ops) -> ready(srv, c, ops));
            if (srv.clients.size() >= srv.maxClientsLocked()) {
                srv.pauseAcceptLocked();
            }
        } catch (IOException e) {
            LOG.warn("accepting a client on {} failed: {}", listener.name, e.getMessage());
        }
        if (client != null) {
            LOG.info("{} connected on {}", client, listener.name);
        }
    }

    // ---- event loop: client I/O ----

    private void ready(NetServer srv, Client client, int ops) {
        String closeReason = null;
        try (LockGuard s = srv.lock.acquire()) {
            if (!srv.clients.containsKey(client.id)) {
                return;
            }
            try (LockGuard c = client.lock.acquire()) {
                s.close(); // seed 000: the server lock may be dropped once the client lock is held
                closeReason = ioLocked(srv, client, ops);
            }
        }
        if (closeReason != null) {
            closeClient(srv, client, closeReason);
        }
    }

    /** Writes, reads and frames; returns why the client must be closed, or null. */
    private String ioLocked(NetServer srv, Client client, int ops) {
        assert loop.inEventLoop() : "client I/O and the shared read buffer belong to the event loop";
        int max = settings.maxClientRequests();
        try {
            if ((ops & SelectionKey.OP_WRITE) != 0 && client.flushLocked(max)) {
                return "closed by the client (connect_close)";
            }
            if ((ops & SelectionKey.OP_READ) != 0 && !client.readPausedLocked(max)) {
                for (int i = 0; i < MAX_READS_PER_EVENT; i++) {
                    ByteBuffer buf = loopReadBuffer;
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
            return drainFramesLocked(srv, client);
        } catch (IOException e) {
            return "I/O error: " + e.getMessage();
        }
    }

    /** Handles buffered frames while the client has free request slots. */
    private String drainFramesLocked(NetServer srv, Client client) {
        int max = settings.maxClientRequests();
        try {
            Frame frame;
            while (!client.readPausedLocked(max) && (frame = client.decoder.next()) != null) {
                handleFrameLocked(srv, client, frame);
            }
            client.updateInterestLocked(max);
            return null;
        } catch (FramingException e) {
            LOG.warn("{}: {}; closing the connection", client, e.getMessage());
            return e.getMessage();
        }
    }

    private void handleFrameLocked(NetServer srv, Client client, Frame frame) {
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
        ServedProgram served = srv.program(h.program(), h.version()).orElse(null);
        if (served == null) {
            client.queueLocked(untracked(RemoteDispatcher.errorReply(h, RemoteDispatcher.rpcError(
                    "Cannot find program " + h.program() + " version " + h.version()))), max);
            return;
        }
        if (h.status() != MessageStatus.OK) {
            client.queueLocked(untracked(RemoteDispatcher.errorReply(h, RemoteDispatcher.rpcError(
                    "Unexpected message status " + Integer.toUnsignedString(h.statusValue())))), max);
            return;
        }
        Optional<ProcedureDescriptor> procedure = served.table().procedure(h.procedure());
        Priority priority = procedure.map(ProcedureDescriptor::priority).orElse(Priority.NORMAL);
        if (LOG.isDebugEnabled()) {
            // the call trace an operator turns on with a log filter such as 1:rpc
            LOG.debug("{}: call {} {} serial {}", client, h.procedure(),
                    procedure.map(ProcedureDescriptor::name).orElse("(unknown)"), h.serial());
        }
        client.startCallLocked();
        if (client.inFlightLocked() >= max && client.firstTimeAtLimitLocked()) {
            LOG.warn("{} hit max requests limit {}. This may result in keep-alive timeouts. "
                    + "Consider tuning the max_client_requests server parameter", client, max);
        }
        client.ref();
        try {
            srv.workers.submit(priority, () -> runCall(srv, served, client, frame));
        } catch (VirException rejected) {
            client.unref();
            client.queueLocked(new OutgoingMessage(ByteBuffer.wrap(RemoteDispatcher.errorReply(h, rejected)), true), max);
        }
    }

    // ---- worker ----

    private void runCall(NetServer srv, ServedProgram served, Client client, Frame frame) {
        try {
            byte[] reply = served.dispatch().apply(client, frame);
            // connect_close is procedure 2 in both the REMOTE and the ADMIN program
            boolean closing = served == srv.mainProgram() && frame.header().procedure() == CONNECT_CLOSE;
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
                client.keepaliveTimer = loop.scheduleRepeating(period, period, () -> keepaliveTick(libvirtd, client));
            }
        });
    }

    private void keepaliveTick(NetServer srv, Client client) {
        int interval = settings.keepaliveInterval();
        boolean dead = false;
        try (LockGuard s = srv.lock.acquire()) {
            if (!srv.clients.containsKey(client.id)) {
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
            closeClient(srv, client, "connection closed due to keepalive timeout");
        }
    }

    // ---- closing ----

    /**
     * virt-admin client-disconnect: closes the client on the event loop, as the server closes one,
     * and waits (a worker, holding no lock) until it is closed so the caller's next srv-clients-list
     * no longer shows it.
     */
    private void disconnect(NetServer srv, Client client) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                closeClient(srv, client, "closed by virt-admin client-disconnect");
            } finally {
                closed.complete(null);
            }
        });
        try {
            closed.get(ADMIN_CLOSE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("{}: closing {} has not finished after {} s", srv, client, ADMIN_CLOSE_DEADLINE.toSeconds());
        }
    }

    private void closeClient(NetServer srv, Client client, String reason) {
        try (LockGuard s = srv.lock.acquire()) {
            if (srv.clients.remove(client.id) == null) {
                return;
            }
            try (LockGuard c = client.lock.acquire()) {
                client.markClosedLocked();
            }
            srv.resumeAcceptLocked();
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
        Runnable release = () -> srv.release.accept(client);
        try {
            srv.workers.submit(Priority.HIGH, release);
        } catch (VirException e) {
            release.run();
        }
        client.unref();
        LOG.info("{} of {} disconnected: {}", client, srv, reason);
    }

    private static OutgoingMessage untracked(byte[] message) {
        return new OutgoingMessage(ByteBuffer.wrap(message), false);
    }

    private static byte[] keepalive(int procedure) {
        return Frames.encode(new MessageHeader(KeepaliveProgram.PROGRAM, KeepaliveProgram.VERSION, procedure,
                MessageType.MESSAGE, 0, MessageStatus.OK), new byte[0]);
    }
}
