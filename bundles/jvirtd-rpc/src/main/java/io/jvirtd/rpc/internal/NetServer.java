package io.jvirtd.rpc.internal;

import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.jvirtd.api.dispatch.WorkerPool;
import io.jvirtd.api.lock.LockGuard;
import io.jvirtd.api.lock.OrderedLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server of the daemon, libvirt's {@code virNetServer}: {@code libvirtd} (REMOTE program, on
 * libvirt-sock, libvirt-sock-ro and TCP) or {@code admin} (ADMIN program, on libvirt-admin-sock).
 * Each has its own lock (level SERVER; the two are never held together), clients with ids from 1,
 * client limits, worker pool and program. {@link RpcServer} runs the I/O of every server on the one
 * event loop.
 * <p>
 * Invariant (under {@link #lock}): accepting is paused iff {@code acceptPaused}, which is set when
 * the client count reaches {@code limits.maxClients()} and cleared when it is below it again.
 */
final class NetServer {
    private static final Logger LOG = LoggerFactory.getLogger(NetServer.class);

    final String name; // immutable
    final OrderedLock lock; // immutable; level SERVER
    final WorkerPool workers; // immutable
    final List<ServedProgram> programs; // immutable: the programs its clients may call, the main one first
    final Consumer<Client> release; // immutable: frees a closed client's session, on a worker
    /** Copy-on-write: replaced under {@link #lock} when a saved configuration moves a socket; read by anyone. */
    final List<Listener> listeners = new CopyOnWriteArrayList<>();
    final Map<Long, Client> clients = new LinkedHashMap<>(); // guarded by lock
    final AtomicLong nextClientId = new AtomicLong(); // atomic
    private boolean acceptPaused; // guarded by lock
    private ClientLimits limits; // guarded by lock

    NetServer(String name, OrderedLock lock, WorkerPool workers, List<ServedProgram> programs,
            Consumer<Client> release, ClientLimits limits) {
        this.name = name;
        this.lock = lock;
        this.workers = workers;
        this.programs = List.copyOf(programs);
        this.release = release;
        this.limits = limits;
    }

    /** The served program a call names, if this server answers it. */
    Optional<ServedProgram> program(int program, int version) {
        for (ServedProgram p : programs) {
            if (p.answers(program, version)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The program the server exists for (REMOTE or ADMIN), whose procedure 2 is connect_close. */
    ServedProgram mainProgram() {
        return programs.get(0);
    }

    /** The clients connected now, in connect order. */
    List<Client> clients() {
        try (LockGuard s = lock.acquire()) {
            return new ArrayList<>(clients.values());
        }
    }

    Optional<Client> client(long id) {
        try (LockGuard s = lock.acquire()) {
            return Optional.ofNullable(clients.get(id));
        }
    }

    ClientLimits limits() {
        try (LockGuard s = lock.acquire()) {
            return limits;
        }
    }

    /**
     * Changes the limits live (virt-admin srv-clients-set, a saved configuration). Lowering
     * {@code max_clients} below the clients connected keeps them and pauses accepting.
     *
     * @throws io.jvirtd.api.error.VirException if the combination is refused; nothing changes then
     */
    void setLimits(long maxClients, long maxUnauthClients) {
        try (LockGuard s = lock.acquire()) {
            limits = limits.with(maxClients, maxUnauthClients);
            if (clients.size() >= limits.maxClients()) {
                pauseAcceptLocked();
            } else {
                resumeAcceptLocked();
            }
        }
    }

    /**
     * Puts {@code fresh} (already registered with the loop) in place of {@code stale}, keeping the
     * accept pause: new listeners of a paused server start paused.
     */
    void replaceListeners(List<Listener> stale, List<Listener> fresh) {
        try (LockGuard s = lock.acquire()) {
            listeners.removeAll(stale);
            listeners.addAll(fresh);
            if (acceptPaused) {
                fresh.forEach(l -> l.registration.setInterest(0));
            }
        }
    }

    int maxClientsLocked() {
        assert lock.isHeldByCurrentThread();
        return limits.maxClients();
    }

    void pauseAcceptLocked() {
        assert lock.isHeldByCurrentThread();
        if (!acceptPaused) {
            acceptPaused = true;
            listeners.forEach(l -> l.registration.setInterest(0));
            LOG.warn("server {}: max_clients ({}) reached: new connections wait in the listen backlog", name,
                    limits.maxClients());
        }
    }

    void resumeAcceptLocked() {
        assert lock.isHeldByCurrentThread();
        if (acceptPaused && clients.size() < limits.maxClients()) {
            acceptPaused = false;
            listeners.forEach(l -> l.registration.setInterest(SelectionKey.OP_ACCEPT));
            LOG.info("server {}: accepting connections again ({} clients)", name, clients.size());
        }
    }

    @Override
    public String toString() {
        return "server " + name;
    }
}
