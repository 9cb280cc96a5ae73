package io.jvirtd.core.internal.lock;

import java.time.Duration;

import io.jvirtd.api.lock.LockInfo;

/**
 * One thread's claim on one lock: waiting for it, or holding it. Created by the claiming thread;
 * state and time are volatile because {@code virt:locks} reads them from other threads. Where the
 * lock was asked for is recorded only when the book traces ({@code lock_trace}): capturing a stack
 * on every acquisition was the largest single cost of an RPC call.
 */
final class LockEntry {
    private final CheckedOrderedLock lock; // immutable
    private final ThreadLocks owner; // immutable: the claiming thread's page of the book
    /** Where the lock was asked for (null unless tracing); printed when a later acquisition violates the order. Immutable. */
    private final Throwable takenAt;
    private volatile LockInfo.State state = LockInfo.State.WAITING;
    private volatile long sinceNanos = System.nanoTime();

    LockEntry(CheckedOrderedLock lock, ThreadLocks owner, boolean trace) {
        this.lock = lock;
        this.owner = owner;
        this.takenAt = trace ? new Throwable("taken by " + owner.thread().getName()) : null;
    }

    CheckedOrderedLock lock() {
        return lock;
    }

    Thread thread() {
        return owner.thread();
    }

    ThreadLocks owner() {
        return owner;
    }

    /** Where the lock was asked for, or null if the book was not tracing then. */
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
        return new LockInfo(lock.name(), lock.level(), state, owner.thread().getName(), age());
    }
}
