package io.jvirtd.rpc.internal;

import io.jvirtd.api.driver.ConnectDriver;
import io.jvirtd.api.driver.DriverConnection;

/**
 * A client's connection-level state: the hypervisor connection it opened and what it negotiated.
 * Changed by workers (connect_open, connect_close...) and read by others: every field is volatile,
 * and connect_open / close are serialised by {@code synchronized} (a leaf lock, never held across a
 * driver call).
 */
final class ClientSession {
    private volatile ConnectDriver driver;
    private volatile DriverConnection connection;
    private volatile String scheme;
    private volatile boolean readOnly;
    private volatile boolean closeCallbackRegistered;
    private boolean opening; // guarded by this
    private final ClientEvents events = new ClientEvents(); // thread-safe by itself

    /** Reserves the session for an open; false if one is open or being opened. */
    synchronized boolean beginOpen() {
        if (opening || connection != null) {
            return false;
        }
        opening = true;
        return true;
    }

    synchronized void opened(ConnectDriver d, DriverConnection c, String s, boolean ro) {
        driver = d;
        connection = c;
        scheme = s;
        readOnly = ro;
        opening = false;
    }

    synchronized void openFailed() {
        opening = false;
    }

    /** Detaches the connection (to be closed by the caller with no lock held), or null. */
    synchronized DriverConnection detach() {
        DriverConnection c = connection;
        connection = null;
        driver = null;
        closeCallbackRegistered = false;
        return c;
    }

    /** The client's event registrations. */
    ClientEvents events() {
        return events;
    }

    ConnectDriver driver() {
        return driver;
    }

    DriverConnection connection() {
        return connection;
    }

    String scheme() {
        return scheme;
    }

    boolean readOnly() {
        return readOnly;
    }

    void setCloseCallbackRegistered(boolean registered) {
        closeCallbackRegistered = registered;
    }

    boolean closeCallbackRegistered() {
        return closeCallbackRegistered;
    }
}
