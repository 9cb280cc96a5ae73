package io.jvirtd.core.internal.lock;

import java.util.ArrayList;
import java.util.List;

/**
 * One thread's page of the {@link LockBook}: the entries of the locks it holds, waits for (to
 * acquire) or waits on (a condition), oldest first. Only the owning thread adds and removes
 * entries; other threads ({@code virt:locks}, timeout dumps) only copy the list. The list is
 * guarded by this object's monitor, which the owner takes uncontended on every change, so an
 * acquisition costs no shared write (the book used to add and remove each entry in a
 * process-wide concurrent set).
 * <p>
 * Invariant: when the owner is not blocked in an acquisition, every entry is HELD or waiting on a
 * condition of its lock, and they are in the order the thread took the locks.
 */
final class ThreadLocks {
    private final Thread thread; // immutable
    /** Written only by the owner, under this monitor; the owner reads it without, others under it. */
    private final ArrayList<LockEntry> entries = new ArrayList<>(4);

    ThreadLocks(Thread thread) {
        this.thread = thread;
    }

    Thread thread() {
        return thread;
    }

    /** Number of entries. Owner only: it reads its own writes. */
    int ownSize() {
        assert Thread.currentThread() == thread;
        return entries.size();
    }

    /** The entry at {@code i}, oldest first. Owner only. */
    LockEntry ownEntry(int i) {
        assert Thread.currentThread() == thread;
        return entries.get(i);
    }

    void add(LockEntry entry) {
        synchronized (this) {
            entries.add(entry);
        }
    }

    /** Removes this very entry (the most recent occurrence); false if it is not there. */
    boolean remove(LockEntry entry) {
        synchronized (this) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i) == entry) {
                    entries.remove(i);
                    return true;
                }
            }
            return false;
        }
    }

    /** Removes and returns the most recent entry for {@code lock}, or null. */
    LockEntry removeLatest(CheckedOrderedLock lock) {
        synchronized (this) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).lock() == lock) {
                    return entries.remove(i);
                }
            }
            return null;
        }
    }

    /** The most recent entry for {@code lock}, or null. Owner only. */
    LockEntry latest(CheckedOrderedLock lock) {
        assert Thread.currentThread() == thread;
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).lock() == lock) {
                return entries.get(i);
            }
        }
        return null;
    }

    /** A copy, for readers on other threads. */
    List<LockEntry> copy() {
        synchronized (this) {
            return new ArrayList<>(entries);
        }
    }
}
