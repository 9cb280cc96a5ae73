package io.jvirtd.core.internal.lock;

import java.time.Duration;

import io.jvirtd.api.lock.LockInfo;

/**
 * One thread's claim on one lock: waiting for it, or holding it. Created by the claiming thread;
 * state and time are volatile because {@code virt:locks} reads them from other threads.
 */
final class LockEntry {
    private final CheckedOrderedLock lock; // immutable
    private final Thread thread; // immutable
    /** Where the lock was asked for; printed when a later acquisition violates the order. Immutable. */
    private final Throwable takenAt;
    private volatile LockInfo.State state = LockInfo.State.WAITING;
    private volatile long sinceNanos = System.nanoTime();

    LockEntry(CheckedOrderedLock lock, Thread thread) {
        this.lock = lock;
        this.thread = thread;
        this.takenAt = new Throwable("taken by " + thread.getName());
    }

    CheckedOrderedLock lock() {
        return lock;
    }

    Thread thread() {
        return thread;
    }

    Throwable takenAt() {
        return takenAt;
    }

    LockInfo.State state() {
        return state;
    }

    long sinceNanos() {
        return sinceNanos;
    }

    void markHeld() {
        state = LockInfo.State.HELD;
        sinceNanos = System.nanoTime();
    }

    void markWaiting() {
        state = LockInfo.State.WAITING;
        sinceNanos = System.nanoTime();
    }

    Duration age() {
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    LockInfo toInfo() {
        return new LockInfo(lock.name(), lock.level(), state, thread.getName(), age());
    }
}
