package io.jvirtd.core.internal.lock;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

import io.jvirtd.api.lock.LockCondition;

/**
 * A condition on a {@link CheckedOrderedLock}. While a thread waits, its book entry for the lock
 * stays in its held list (so its place in the thread's order is kept) but is marked WAITING:
 * {@code virt:locks} shows it as awaited and
 * {@link io.jvirtd.api.lock.OrderedLock#holderThreadName()} no longer names the waiter. It becomes
 * HELD again when the wait returns.
 * <p>
 * The re-take at the end of the wait is a fresh acquisition of the lock, so it is checked like one,
 * but up front, before the lock is released: a thread cannot take another lock while it waits, so
 * its held locks at the re-take are exactly those it holds when it calls {@code await}. Re-taking
 * the lock itself is no violation (it was the thread's own lock); holding any other lock the
 * re-take may not follow is one (e.g. waiting on an object's condition while holding that object's
 * monitor lock, which would re-take OBJECT under MONITOR). With checking on that throws
 * {@link io.jvirtd.api.lock.LockOrderViolationException} and the thread keeps the lock without
 * waiting; with checking off it is logged and the wait goes ahead.
 * <p>
 * The re-take itself has no deadline ({@link Condition#await} re-locks without one); the
 * {@code timeout} bounds the wait for the signal only.
 */
final class CheckedLockCondition implements LockCondition {
    private final CheckedOrderedLock lock; // immutable
    private final Condition condition; // immutable
    private final LockBook book; // immutable

    CheckedLockCondition(CheckedOrderedLock lock, Condition condition, LockBook book) {
        this.lock = lock;
        this.condition = condition;
        this.book = book;
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        requireHeld();
        LockEntry entry = book.heldEntry(lock);
        book.checkRetake(entry);
        entry.markWaiting();
        try {
            return condition.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            entry.markHeld();
        }
    }

    @Override
    public void signal() {
        requireHeld();
        condition.signal();
    }

    @Override
    public void signalAll() {
        requireHeld();
        condition.signalAll();
    }

    private void requireHeld() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("condition of " + lock.describe() + " used without holding the lock");
        }
    }
}
