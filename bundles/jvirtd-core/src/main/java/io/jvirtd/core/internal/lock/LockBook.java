package io.jvirtd.core.internal.lock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
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
 * The book of who holds and who awaits which {@link CheckedOrderedLock}: one page
 * ({@link ThreadLocks}) per thread with the entries it holds or awaits in the order it took them
 * (used for the order check); across threads, the set of pages (used for {@code virt:locks} and
 * for the dump written when a lock wait times out).
 * <p>
 * Hot path: an acquisition looks its page up once (a thread local), checks the order against it,
 * and adds one entry under the page's uncontended monitor; the release removes it through the
 * guard without another lookup. No stack is captured unless {@link #tracing()} is on.
 * <p>
 * Invariant: an entry is on its thread's page iff the thread is waiting to acquire the lock,
 * holds it, or waits on one of its conditions (then WAITING, HELD again when the wait ends).
 */
final class LockBook {
    private static final Logger LOG = LoggerFactory.getLogger(LockBook.class);

    /** Per thread: its page, registered in {@link #pages} on first use. Thread confined. */
    private final ThreadLocal<ThreadLocks> page = ThreadLocal.withInitial(this::newPage);
    /** Every thread's page; pages of ended threads are dropped when a new thread registers and by readers. Concurrent set. */
    private final Set<ThreadLocks> pages = ConcurrentHashMap.newKeySet();
    /** Whether a violation throws (true) or is logged (false). Volatile: changed live by configuration. */
    private volatile boolean checking;
    /** Whether each acquisition records its stack (for the violation log). Volatile: changed live. */
    private volatile boolean tracing;

    LockBook(boolean checking) {
        this.checking = checking;
    }

    boolean checking() {
        return checking;
    }

    void setChecking(boolean checking) {
        this.checking = checking;
    }

    boolean tracing() {
        return tracing;
    }

    void setTracing(boolean tracing) {
        this.tracing = tracing;
    }

    /**
     * Checks that the calling thread may take {@code lock} now and records that it waits for it.
     *
     * @throws LockOrderViolationException if it may not and checking is on
     */
    LockEntry beforeAcquire(CheckedOrderedLock lock) {
        ThreadLocks mine = page.get();
        for (int i = 0, n = mine.ownSize(); i < n; i++) {
            LockEntry h = mine.ownEntry(i);
            if (h.lock() == lock || !lock.level().mayFollow(h.lock().level())) {
                violation(h, lock, h.lock() == lock ? " (the same lock)" : "");
                break;
            }
        }
        LockEntry entry = new LockEntry(lock, mine, tracing);
        mine.add(entry);
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
        ThreadLocks mine = waiting.owner();
        for (int i = 0, n = mine.ownSize(); i < n; i++) {
            LockEntry h = mine.ownEntry(i);
            if (h != waiting && !lock.level().mayFollow(h.lock().level())) {
                violation(h, lock, " (re-taking it after a condition wait)");
                break;
            }
        }
    }

    /** The thread got the lock it waited for. */
    void acquired(LockEntry entry) {
        entry.markHeld();
    }

    /** The thread gave up waiting (timeout, interrupt). */
    void abandoned(LockEntry entry) {
        entry.owner().remove(entry);
    }

    /**
     * The thread released the lock of {@code entry} (taken through a guard). If the lock was
     * released and re-taken meanwhile by other means (BeginJobWithDriver drops and re-takes the
     * driver lock under the caller's guard), the guard's entry is gone: forget the latest one.
     */
    void released(LockEntry entry) {
        if (!entry.owner().remove(entry)) {
            released(entry.lock());
        }
    }

    /** The thread released {@code lock}: forget its most recent entry for it. */
    void released(CheckedOrderedLock lock) {
        if (page.get().removeLatest(lock) == null) {
            throw new IllegalStateException("thread " + Thread.currentThread().getName()
                    + " releases " + lock.describe() + " which it does not hold");
        }
    }

    /** The thread's most recent entry for {@code lock}; it must hold it. */
    LockEntry heldEntry(CheckedOrderedLock lock) {
        LockEntry e = page.get().latest(lock);
        if (e == null) {
            throw new IllegalStateException(lock.describe() + " is not held by " + Thread.currentThread().getName());
        }
        return e;
    }

    List<OrderedLock> heldByCurrentThread() {
        ThreadLocks mine = page.get();
        List<OrderedLock> out = new ArrayList<>(mine.ownSize());
        for (int i = 0, n = mine.ownSize(); i < n; i++) {
            out.add(mine.ownEntry(i).lock());
        }
        return out;
    }

    /** The entry of the thread holding {@code lock} now, if any. */
    Optional<LockEntry> holderOf(CheckedOrderedLock lock) {
        return allEntries().stream()
                .filter(e -> e.lock() == lock && e.state() == LockInfo.State.HELD)
                .findFirst();
    }

    List<LockInfo> snapshot() {
        return allEntries().stream()
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

    /** A new thread's first acquisition: also drops pages of ended threads, so the set stays bounded. */
    private ThreadLocks newPage() {
        pages.removeIf(p -> !p.thread().isAlive() && p.copy().isEmpty());
        ThreadLocks p = new ThreadLocks(Thread.currentThread());
        pages.add(p);
        return p;
    }

    /** Every thread's entries (copies); drops the pages of threads that ended holding nothing. */
    private List<LockEntry> allEntries() {
        List<LockEntry> all = new ArrayList<>();
        for (Iterator<ThreadLocks> it = pages.iterator(); it.hasNext();) {
            ThreadLocks p = it.next();
            List<LockEntry> entries = p.copy();
            if (entries.isEmpty() && !p.thread().isAlive()) {
                it.remove();
            }
            all.addAll(entries);
        }
        return all;
    }

    private void violation(LockEntry heldEntry, CheckedOrderedLock wanted, String note) {
        String message = "lock order violation in thread " + Thread.currentThread().getName() + ": taking "
                + wanted.describe() + " while holding " + heldEntry.lock().describe() + note;
        if (checking) {
            LockOrderViolationException e = new LockOrderViolationException(message);
            if (heldEntry.takenAt() != null) {
                e.addSuppressed(heldEntry.takenAt());
            }
            throw e;
        }
        LockOrderViolationException here = new LockOrderViolationException(message);
        LOG.error("{}; stack of the wanted lock follows, then where the held lock was taken", message, here);
        if (heldEntry.takenAt() != null) {
            LOG.error("held lock {} was taken here", heldEntry.lock().describe(), heldEntry.takenAt());
        } else {
            LOG.error("held lock {} was taken by thread {}; where is not recorded (set lock_trace = true in "
                    + "io.jvirtd.core.cfg to record it)", heldEntry.lock().describe(), heldEntry.thread().getName());
        }
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toNanos() / 1e9);
    }
}
