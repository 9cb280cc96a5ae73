package io.jvirtd.core.internal.lock;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.lock.LockCondition;
import io.jvirtd.api.lock.LockGuard;
import io.jvirtd.api.lock.LockLevel;
import io.jvirtd.api.lock.OrderedLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link OrderedLock} over a {@link ReentrantLock}: every acquisition is checked against the
 * calling thread's held locks in the {@link LockBook} before it blocks, and bounded by a deadline.
 */
final class CheckedOrderedLock implements OrderedLock {
    private static final Logger LOG = LoggerFactory.getLogger(CheckedOrderedLock.class);

    private final String name; // immutable
    private final LockLevel level; // immutable
    private final LockBook book; // immutable reference; the book is thread-safe
    private final Supplier<Duration> defaultTimeout; // immutable reference
    private final ReentrantLock lock = new ReentrantLock();

    CheckedOrderedLock(String name, LockLevel level, LockBook book, Supplier<Duration> defaultTimeout) {
        this.name = name;
        this.level = level;
        this.book = book;
        this.defaultTimeout = defaultTimeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LockLevel level() {
        return level;
    }

    @Override
    public LockGuard acquire() {
        return acquire(defaultTimeout.get());
    }

    @Override
    public LockGuard acquire(Duration timeout) {
        LockEntry entry = book.beforeAcquire(this);
        boolean locked;
        try {
            locked = lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            book.abandoned(entry);
            Thread.currentThread().interrupt();
            throw new VirException(VirErrorCode.OPERATION_ABORTED, VirErrorDomain.NONE,
                    "interrupted while waiting for " + describe());
        }
        if (!locked) {
            book.abandoned(entry);
            throw timeout(timeout);
        }
        book.acquired(entry);
        return new Guard(entry);
    }

    @Override
    public void release() {
        requireHeldForRelease();
        book.released(this);
        lock.unlock();
    }

    /** Releases through a guard: the guard knows its book entry, so no lookup is needed. */
    private void release(LockEntry entry) {
        requireHeldForRelease();
        book.released(entry);
        lock.unlock();
    }

    private void requireHeldForRelease() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException(describe() + " released by " + Thread.currentThread().getName()
                    + ", which does not hold it");
        }
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    @Override
    public Optional<String> holderThreadName() {
        return book.holderOf(this).map(e -> e.thread().getName());
    }

    @Override
    public LockCondition newCondition() {
        return new CheckedLockCondition(this, lock.newCondition(), book);
    }

    /** "name (LEVEL)", for messages. */
    String describe() {
        return "'" + name + "' (" + level + ")";
    }

    private VirException timeout(Duration timeout) {
        String holder = book.holderOf(this)
                .map(e -> "held by thread " + e.thread().getName() + " for " + LockBook.seconds(e.age()))
                .orElse("released meanwhile");
        VirException error = new VirException(VirErrorCode.OPERATION_TIMEOUT, VirErrorDomain.NONE,
                "cannot acquire lock " + describe() + " within " + LockBook.seconds(timeout) + ": " + holder);
        LOG.error("{}; locks held and awaited now:{}", error.getMessage(), book.dump());
        return error;
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Releases once; later closes do nothing, so a guard may be closed early (hand-over-hand). */
    private final class Guard implements LockGuard {
        private final LockEntry entry; // immutable
        private boolean closed; // confined to the thread holding the lock

        Guard(LockEntry entry) {
            this.entry = entry;
        }

        @Override
        public OrderedLock lock() {
            return CheckedOrderedLock.this;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release(entry);
            }
        }
    }
}
