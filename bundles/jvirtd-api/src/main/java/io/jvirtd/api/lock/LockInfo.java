package io.jvirtd.api.lock;

import java.time.Duration;

/**
 * One lock held or awaited by one thread, as {@code virt:locks} shows it.
 *
 * @param lockName the lock's name
 * @param level the lock's level
 * @param state whether the thread holds the lock or waits for it
 * @param threadName the thread
 * @param age how long it has held or awaited the lock
 */
public record LockInfo(String lockName, LockLevel level, State state, String threadName, Duration age) {

    /** Held, or waited for. */
    public enum State { HELD, WAITING }
}
