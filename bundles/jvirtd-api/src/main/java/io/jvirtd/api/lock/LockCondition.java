package io.jvirtd.api.lock;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A condition variable on an {@link OrderedLock}. The caller must hold the lock; waiting releases
 * it and re-takes it before returning, and the lock bookkeeping (for {@code virt:locks}) follows.
 */
@ProviderType
public interface LockCondition {

    /**
     * Waits until signalled or the timeout passes.
     *
     * @return false if the timeout passed
     * @throws InterruptedException if the thread is interrupted while waiting (the lock is held again)
     */
    boolean await(Duration timeout) throws InterruptedException;

    void signal();

    void signalAll();
}
