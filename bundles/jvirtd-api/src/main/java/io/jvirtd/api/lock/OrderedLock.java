package io.jvirtd.api.lock;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A mutual-exclusion lock with a place in the {@link LockLevel} hierarchy. It is not re-entrant
 * in the hierarchy's sense: taking it again while holding it is an order violation, as re-locking
 * a libvirt mutex would be a deadlock. Every acquisition has a deadline.
 * <p>
 * Usage: {@code try (LockGuard g = lock.acquire()) { ... }}. Hand-over-hand release (take the
 * client lock, then drop the server lock) is done by closing the outer guard early.
 */
@ProviderType
public interface OrderedLock {

    /** A human-readable name, e.g. {@code "domain tiny"} or {@code "client 17"}. */
    String name();

    LockLevel level();

    /**
     * Takes the lock, waiting at most the factory's default lock timeout.
     *
     * @throws LockOrderViolationException if the calling thread holds a lock this one may not follow
     *         and order checking is on (with checking off the violation is logged and the lock taken)
     * @throws io.jvirtd.api.error.VirException {@code VIR_ERR_OPERATION_TIMEOUT} naming the holder
     *         if the deadline passes
     */
    LockGuard acquire();

    /** As {@link #acquire()} with an explicit deadline. */
    LockGuard acquire(Duration timeout);

    /** Releases the lock held by the calling thread (the same as closing its guard). */
    void release();

    boolean isHeldByCurrentThread();

    /** The name of the thread that holds the lock now, if any. */
    Optional<String> holderThreadName();

    /** A condition bound to this lock; waiting on it releases the lock and re-takes it. */
    LockCondition newCondition();
}
