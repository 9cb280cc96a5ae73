package io.jvirtd.driver.test.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.jvirtd.api.iface.InterfaceDriver;
import io.jvirtd.api.lock.LockFactory;
import io.jvirtd.api.lock.LockGuard;
import io.jvirtd.api.lock.LockLevel;
import io.jvirtd.api.lock.OrderedLock;
import io.jvirtd.api.network.NetworkDriver;
import io.jvirtd.api.nodedev.NodeDeviceDriver;
import io.jvirtd.api.storage.StorageDriver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live test states, one per URI, counted by open connections: the first connection to a URI
 * loads its state, the last one to close discards it (libvirt's test driver semantics through a
 * daemon). {@link #lock} (level DRIVER, the driver's own lock) guards the map and the counts; it is
 * never held together with a state's lock.
 */
final class TestStates {
    private static final Logger LOG = LoggerFactory.getLogger(TestStates.class);

    /** One URI's state, the operation objects connections share, and its connection count. */
    static final class Entry {
        private final TestState state; // immutable
        private final TestDomains domains; // immutable
        private final TestNetworks networks; // immutable
        private final StorageDriver storage; // immutable
        private final NodeDeviceDriver nodeDevices; // immutable
        private final InterfaceDriver interfaces; // immutable
        private int connections; // guarded by TestStates.lock

        Entry(TestState state) {
            this.state = state;
            this.domains = new TestDomains(state);
            this.networks = new TestNetworks(state);
            this.storage = new TestStorage(state);
            this.nodeDevices = new TestNodeDevices(state);
            this.interfaces = new TestInterfaces(state);
        }

        TestState state() {
            return state;
        }

        TestDomains domains() {
            return domains;
        }

        NetworkDriver networks() {
            return networks;
        }

        StorageDriver storage() {
            return storage;
        }

        NodeDeviceDriver nodeDevices() {
            return nodeDevices;
        }

        InterfaceDriver interfaces() {
            return interfaces;
        }
    }

    /** The driver lock (DRIVER): guards {@link #entries} and every entry's connection count. */
    private final OrderedLock lock; // immutable
    private final Map<String, Entry> entries = new HashMap<>(); // guarded by lock
    private final Function<String, TestState> loader; // immutable

    TestStates(LockFactory locks, Function<String, TestState> loader) {
        this.lock = locks.create(LockLevel.DRIVER, "test driver states");
        this.loader = loader;
    }

    /** Opens a connection on {@code uri}'s state, loading it if no connection has it open. */
    TestConnection open(String uri) {
        try (LockGuard g = lock.acquire()) {
            Entry e = entries.get(uri);
            if (e == null) {
                e = new Entry(loader.apply(uri));
                entries.put(uri, e);
                LOG.info("test driver: state of {} loaded", uri);
            }
            e.connections++;
            return new TestConnection(this, e);
        }
    }

    /** Closes one connection; the last one discards the state. */
    void release(Entry entry) {
        try (LockGuard g = lock.acquire()) {
            if (--entry.connections == 0 && entries.get(entry.state.uri) == entry) {
                entries.remove(entry.state.uri);
                LOG.info("test driver: last connection to {} closed, state discarded", entry.state.uri);
            }
        }
    }

    /** Drops every state (the driver is going away). */
    void clear() {
        try (LockGuard g = lock.acquire()) {
            entries.clear();
        }
    }

    /** URI → open connections, for diagnostics. */
    Map<String, Integer> connectionCounts() {
        try (LockGuard g = lock.acquire()) {
            Map<String, Integer> out = new HashMap<>();
            entries.forEach((uri, e) -> out.put(uri, e.connections));
            return out;
        }
    }
}
