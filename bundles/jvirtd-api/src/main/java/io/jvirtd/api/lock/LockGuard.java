package io.jvirtd.api.lock;

/**
 * Proof that the current thread holds an {@link OrderedLock}; closing it releases the lock.
 * Closing twice is harmless, so a guard may be closed early (hand-over-hand) inside a
 * try-with-resources block.
 */
public interface LockGuard extends AutoCloseable {

    OrderedLock lock();

    @Override
    void close();
}
