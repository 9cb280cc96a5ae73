package io.jvirtd.core.internal.lock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.jvirtd.api.lock.LockInfo;
import io.jvirtd.api.lock.LockOrderViolationException;
import io.jvirtd.api.lock.OrderedLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The book of who holds and who awaits which {@link CheckedOrderedLock}: per thread, the locks it
 * holds in the order it took them (used for the order check); across threads, every held or awaited
 * entry (used for {@code virt:locks} and for the dump written when a lock wait times out).
 * <p>
 * Invariant: an entry is in a thread's held list iff its state is HELD or it is waiting on a
 * condition of that lock (then WAITING, and it gets HELD again when the wait ends); every entry
 * of every thread is in {@link #entries}.
 */
final class LockBook {
    private static final Logger LOG = LoggerFactory.getLogger(LockBook.class);

    /** Per thread: the entries it holds, oldest first. Thread confined. */
    private final ThreadLocal<List<LockEntry>> held = ThreadLocal.withInitial(ArrayList::new);
    /** Every held or awaited entry of every thread. Concurrent set. */
    private final Set<LockEntry> entries = ConcurrentHashMap.newKeySet();
    /** Whether a violation throws (true) or is logged (false). Volatile: changed live by configuration. */
    private volatile boolean checking;

    LockBook(boolean checking) {
        this.checking = checking;
    }

    boolean checking() {
        return checking;
    }

    void setChecking(boolean checking) {
        this.checking = checking;
    }

    /**
     * Checks that the calling thread may take {@code lock} now and records that it waits for it.
     *
     * @throws LockOrderViolationException if it may not and checking is on
     */
    LockEntry beforeAcquire(CheckedOrderedLock lock) {
        for (LockEntry h : held.get()) {
            if (h.lock() == lock || !lock.level().mayFollow(h.lock().level())) {
                violation(h, lock, h.lock() == lock ? " (the same lock)" : "");
                break;
            }
        }
        LockEntry entry = new LockEntry(lock, Thread.currentThread());
        entries.add(entry);
        return entry;
    }

    /**
     * Checks that the calling thread, about to wait on a condition of {@code waiting}'s lock, may
     * re-take that lock afterwards: every other lock it holds must be one the lock may follow.
     *
     * @throws LockOrderViolationException if it may not and checking is on
     */
    void checkRetake(LockEntry waiting) {
        CheckedOrderedLock lock = waiting.lock();
        for (LockEntry h : held.get()) {
            if (h != waiting && !lock.level().mayFollow(h.lock().level())) {
                violation(h, lock, " (re-taking it after a condition wait)");
                break;
            }
        }
    }

    /** The thread got the lock it waited for. */
    void acquired(LockEntry entry) {
        entry.markHeld();
        held.get().add(entry);
    }

    /** The thread gave up waiting (timeout, interrupt). */
    void abandoned(LockEntry entry) {
        entries.remove(entry);
    }

    /** The thread released {@code lock}: forget its most recent entry for it. */
    void released(CheckedOrderedLock lock) {
        List<LockEntry> mine = held.get();
        for (int i = mine.size() - 1; i >= 0; i--) {
            if (mine.get(i).lock() == lock) {
                entries.remove(mine.remove(i));
                return;
            }
        }
        throw new IllegalStateException("thread " + Thread.currentThread().getName()
                + " releases " + lock.describe() + " which it does not hold");
    }

    /** The thread's most recent entry for {@code lock}; it must hold it. */
    LockEntry heldEntry(CheckedOrderedLock lock) {
        List<LockEntry> mine = held.get();
        for (int i = mine.size() - 1; i >= 0; i--) {
            if (mine.get(i).lock() == lock) {
                return mine.get(i);
            }
        }
        throw new IllegalStateException(lock.describe() + " is not held by " + Thread.currentThread().getName());
    }

    List<OrderedLock> heldByCurrentThread() {
        return held.get().stream().map(e -> (OrderedLock) e.lock()).collect(Collectors.toList());
    }

    /** The entry of the thread holding {@code lock} now, if any. */
    Optional<LockEntry> holderOf(CheckedOrderedLock lock) {
        return entries.stream()
                .filter(e -> e.lock() == lock && e.state() == LockInfo.State.HELD)
                .findFirst();
    }

    List<LockInfo> snapshot() {
        return entries.stream()
                .sorted(Comparator.comparingLong(LockEntry::sinceNanos))
                .map(LockEntry::toInfo)
                .collect(Collectors.toList());
    }

    /** A multi-line dump of every held and awaited lock, for logs. */
    String dump() {
        StringBuilder sb = new StringBuilder();
        for (LockInfo info : snapshot()) {
            sb.append(String.format("%n  %-8s %-12s %-40s thread %s for %s", info.state(), info.level(),
                    info.lockName(), info.threadName(), seconds(info.age())));
        }
        return sb.length() == 0 ? " (no lock held or awaited)" : sb.toString();
    }

    private void violation(LockEntry heldEntry, CheckedOrderedLock wanted, String note) {
        String message = "lock order violation in thread " + Thread.currentThread().getName() + ": taking "
                + wanted.describe() + " while holding " + heldEntry.lock().describe() + note;
        if (checking) {
            throw new LockOrderViolationException(message);
        }
        LockOrderViolationException here = new LockOrderViolationException(message);
        LOG.error("{}; stack of the wanted lock follows, then where the held lock was taken", message, here);
        LOG.error("held lock {} was taken here", heldEntry.lock().describe(), heldEntry.takenAt());
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toNanos() / 1e9);
    }
}
