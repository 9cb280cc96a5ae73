package io.jvirtd.driver.qemu.internal;

import java.nio.file.Path;
import java.util.concurrent.Executor;

import io.jvirtd.driver.qemu.internal.monitor.QmpMonitor;

/**
 * One run of one guest: its QEMU process, monitor and event queue. A new runtime is made at each
 * start (or reattach), so a handler of an old run's event recognises it is stale by identity.
 * The flags are written by jobs and read by event handlers, hence volatile.
 */
final class GuestRuntime {
    final long pid; // immutable
    final Path monitorPath; // immutable
    final Executor events; // serial, thread-safe
    private volatile QmpMonitor monitor; // set once the monitor is connected
    /** Set by destroy before it kills QEMU: the monitor's end is then destroy's to report. */
    volatile boolean beingDestroyed;
    /** Set when QEMU reported SHUTDOWN: the guest powered off, its end is a shutdown, not a crash. */
    volatile boolean gotShutdown;
    /** Set by reboot: the next SHUTDOWN resets the guest instead of ending it (libvirt's fake reboot). */
    volatile boolean fakeReboot;

    GuestRuntime(long pid, Path monitorPath, Executor events) {
        this.pid = pid;
        this.monitorPath = monitorPath;
        this.events = events;
    }

    QmpMonitor monitor() {
        return monitor;
    }

    void attach(QmpMonitor m) {
        this.monitor = m;
    }
}
