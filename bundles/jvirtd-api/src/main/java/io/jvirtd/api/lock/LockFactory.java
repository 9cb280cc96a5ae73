package io.jvirtd.api.lock;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The lock hierarchy service: creates {@link OrderedLock}s, checks their order per thread and
 * reports every lock currently held or awaited.
 */
@ProviderType
public interface LockFactory {

    /** A new lock at {@code level}; {@code name} appears in diagnostics. */
    OrderedLock create(LockLevel level, String name);

    /** The locks the calling thread holds, in the order it took them. */
    List<OrderedLock> heldByCurrentThread();

    /** Every lock held or awaited right now, oldest first. */
    List<LockInfo> snapshot();

    /** The deadline of {@link OrderedLock#acquire()} ({@code lock_timeout}). */
    Duration defaultTimeout();

    /** True when order violations throw ({@code jvirtd.lock.check=true}); false when they are only logged. */
    boolean checking();
}
