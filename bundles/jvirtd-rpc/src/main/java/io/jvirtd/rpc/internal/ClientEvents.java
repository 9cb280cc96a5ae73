package io.jvirtd.rpc.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.jvirtd.api.driver.Subscription;

/**
 * A client's domain event registrations: callbacks of the modern API (each with the daemon-wide id
 * it was given, an event id and an optional domain filter) and the two legacy registrations (by
 * event id, and the oldest lifecycle-only API). While any registration exists the client holds one
 * subscription to its connection's driver. Guarded by {@code this}, a leaf lock never held across a
 * driver call or while pushing a message.
 */
final class ClientEvents {
    /** Callback ids are unique across the daemon, as libvirtd's are. */
    private static final AtomicInteger NEXT_CALLBACK_ID = new AtomicInteger(1);

    /** One modern-API registration. */
    record Callback(int id, int eventId, UUID domain) {
        boolean matches(int event, UUID uuid) {
            return eventId == event && (domain == null || domain.equals(uuid));
        }
    }

    private final Map<Integer, Callback> callbacks = new LinkedHashMap<>(); // guarded by this
    private final List<Integer> legacyEventIds = new ArrayList<>(); // guarded by this
    private boolean oldApi; // guarded by this
    private Subscription subscription; // guarded by this

    /** Adds a modern callback, subscribing to the driver first if needed; returns its id. */
    int addCallback(int eventId, UUID domain, Supplier<Subscription> subscribe) {
        ensureSubscribed(subscribe);
        synchronized (this) {
            int id = NEXT_CALLBACK_ID.getAndIncrement();
            callbacks.put(id, new Callback(id, eventId, domain));
            return id;
        }
    }

    /** Removes a modern callback; false if the client has no callback with that id. */
    boolean removeCallback(int id) {
        Subscription toClose;
        synchronized (this) {
            if (callbacks.remove(id) == null) {
                return false;
            }
            toClose = releaseIfUnusedLocked();
        }
        closeQuietly(toClose);
        return true;
    }

    /** Adds a legacy registration by event id; false if that id is already registered. */
    boolean addLegacy(int eventId, Supplier<Subscription> subscribe) {
        synchronized (this) {
            if (legacyEventIds.contains(eventId)) {
                return false;
            }
        }
        ensureSubscribed(subscribe);
        synchronized (this) {
            if (legacyEventIds.contains(eventId)) {
                return false;
            }
            legacyEventIds.add(eventId);
            return true;
        }
    }

    /** Removes a legacy registration; false if it did not exist. */
    boolean removeLegacy(int eventId) {
        Subscription toClose;
        synchronized (this) {
            if (!legacyEventIds.remove(Integer.valueOf(eventId))) {
                return false;
            }
            toClose = releaseIfUnusedLocked();
        }
        closeQuietly(toClose);
        return true;
    }

    /** The oldest API's registration (lifecycle only); returns whether it is now registered. */
    boolean setOldApi(boolean registered, Supplier<Subscription> subscribe) {
        if (registered) {
            ensureSubscribed(subscribe);
        }
        Subscription toClose = null;
        synchronized (this) {
            oldApi = registered;
            if (!registered) {
                toClose = releaseIfUnusedLocked();
            }
        }
        closeQuietly(toClose);
        return registered;
    }

    /** The modern callbacks an event goes to. */
    synchronized List<Callback> callbacksFor(int eventId, UUID domain) {
        List<Callback> out = new ArrayList<>();
        for (Callback c : callbacks.values()) {
            if (c.matches(eventId, domain)) {
                out.add(c);
            }
        }
        return out;
    }

    /** True if a legacy registration (by event id, or the oldest API for lifecycle) wants the event. */
    synchronized boolean legacyWants(int eventId) {
        return legacyEventIds.contains(eventId) || (eventId == 0 && oldApi);
    }

    /** Drops every registration and the driver subscription (the connection is closing). */
    void close() {
        Subscription toClose;
        synchronized (this) {
            callbacks.clear();
            legacyEventIds.clear();
            oldApi = false;
            toClose = subscription;
            subscription = null;
        }
        closeQuietly(toClose);
    }

    private void ensureSubscribed(Supplier<Subscription> subscribe) {
        synchronized (this) {
            if (subscription != null) {
                return;
            }
        }
        Subscription created = subscribe.get(); // a driver call: no lock held
        boolean extra;
        synchronized (this) {
            extra = subscription != null;
            if (!extra) {
                subscription = created;
            }
        }
        if (extra) {
            closeQuietly(created);
        }
    }

    private Subscription releaseIfUnusedLocked() {
        if (!callbacks.isEmpty() || !legacyEventIds.isEmpty() || oldApi) {
            return null;
        }
        Subscription s = subscription;
        subscription = null;
        return s;
    }

    private static void closeQuietly(Subscription s) {
        if (s != null) {
            s.close();
        }
    }
}
