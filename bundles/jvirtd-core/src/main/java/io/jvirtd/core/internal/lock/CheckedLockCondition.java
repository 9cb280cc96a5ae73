package io.jvirtd.core.internal.lock;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

import io.jvirtd.api.lock.LockCondition;

/**
 * A condition on a {@link CheckedOrderedLock}. While a thread waits, its book entry for the lock
 * stays in its held list, marked WAITING, and becomes HELD again when the wait returns. The re-take
 * is not order-checked: the waiting thread cannot have taken another lock meanwhile, so its held
 * locks are the ones it had when it was allowed to take this one.
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
