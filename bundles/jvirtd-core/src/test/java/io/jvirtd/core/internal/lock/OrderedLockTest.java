package io.jvirtd.core.internal.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.lock.LockGuard;
import io.jvirtd.api.lock.LockInfo;
import io.jvirtd.api.lock.LockLevel;
import io.jvirtd.api.lock.LockOrderViolationException;
import io.jvirtd.api.lock.OrderedLock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OrderedLockTest {
    private final OrderedLockFactory locks = new OrderedLockFactory(true, Duration.ofSeconds(5));

    @Test
    void rejectsAcquireBelowHeldLevel() {
        OrderedLock driver = locks.create(LockLevel.DRIVER, "driver qemu");
        OrderedLock domain = locks.create(LockLevel.OBJECT, "domain vm1");
        try (LockGuard d = domain.acquire()) {
            LockOrderViolationException e = assertThrows(LockOrderViolationException.class, driver::acquire);
            assertTrue(e.getMessage().contains("'driver qemu' (DRIVER)"), e.getMessage());
            assertTrue(e.getMessage().contains("'domain vm1' (OBJECT)"), e.getMessage());
        }
        assertFalse(driver.isHeldByCurrentThread());
        assertEquals(List.of(), locks.heldByCurrentThread());
    }

    @Test
    void rejectsAcquireAtHeldLevel() {
        OrderedLock a = locks.create(LockLevel.OBJECT, "domain a");
        OrderedLock b = locks.create(LockLevel.OBJECT, "domain b");
        try (LockGuard g = a.acquire()) {
            assertThrows(LockOrderViolationException.class, b::acquire);
        }
    }

    @Test
    void rejectsRetakingAHeldLock() {
        OrderedLock a = locks.create(LockLevel.OBJECT, "domain a");
        try (LockGuard g = a.acquire()) {
            LockOrderViolationException e = assertThrows(LockOrderViolationException.class, a::acquire);
            assertTrue(e.getMessage().contains("the same lock"), e.getMessage());
        }
    }

    @Test
    void rejectsDriverSideLockWhileHoldingClientLock() {
        OrderedLock client = locks.create(LockLevel.CLIENT, "client 7");
        OrderedLock driver = locks.create(LockLevel.DRIVER, "driver test");
        try (LockGuard g = client.acquire()) {
            assertThrows(LockOrderViolationException.class, driver::acquire);
        }
    }

    @Test
    void acceptsTheSeedsDriverObjectMonitorOrder() {
        OrderedLock driver = locks.create(LockLevel.DRIVER, "driver qemu");
        OrderedLock list = locks.create(LockLevel.OBJECT_LIST, "domain list");
        OrderedLock domain = locks.create(LockLevel.OBJECT, "domain vm1");
        OrderedLock monitor = locks.create(LockLevel.MONITOR, "monitor vm1");
        try (LockGuard d = driver.acquire(); LockGuard l = list.acquire(); LockGuard o = domain.acquire();
                LockGuard m = monitor.acquire()) {
            assertEquals(List.of(driver, list, domain, monitor), locks.heldByCurrentThread());
        }
        assertEquals(List.of(), locks.heldByCurrentThread());
    }

    @Test
    void allowsHandOverHandReleaseOfTheServerLock() {
        OrderedLock server = locks.create(LockLevel.SERVER, "server libvirtd");
        OrderedLock client = locks.create(LockLevel.CLIENT, "client 1");
        try (LockGuard s = server.acquire(); LockGuard c = client.acquire()) {
            s.close();
            assertFalse(server.isHeldByCurrentThread());
            assertEquals(List.of(client), locks.heldByCurrentThread());
            // the server lock is below the held client lock: taking it again now is a violation
            assertThrows(LockOrderViolationException.class, server::acquire);
        }
        assertEquals(List.of(), locks.heldByCurrentThread());
        assertTrue(locks.snapshot().isEmpty());
    }

    @Test
    void timeoutNamesTheHolder() throws Exception {
        OrderedLock domain = locks.create(LockLevel.OBJECT, "domain busy");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (LockGuard g = domain.acquire()) {
                held.countDown();
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "holder-thread");
        holder.start();
        assertTrue(held.await(5, TimeUnit.SECONDS));
        VirException e = assertThrows(VirException.class, () -> domain.acquire(Duration.ofMillis(100)));
        assertEquals(VirErrorCode.OPERATION_TIMEOUT, e.code());
        assertTrue(e.getMessage().startsWith("Timed out during operation: cannot acquire lock 'domain busy'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("'domain busy' (OBJECT)"), e.getMessage());
        assertTrue(e.getMessage().matches(".*held by thread holder-thread for [0-9.]+ s.*"), e.getMessage());
        assertEquals("holder-thread", domain.holderThreadName().orElseThrow());
        done.countDown();
        holder.join(5000);
        assertTrue(domain.holderThreadName().isEmpty());
    }

    @Test
    void snapshotShowsHeldAndAwaitedLocks() throws Exception {
        OrderedLock domain = locks.create(LockLevel.OBJECT, "domain contended");
        CountDownLatch acquiredByWaiter = new CountDownLatch(1);
        Thread waiter;
        try (LockGuard g = domain.acquire()) {
            waiter = new Thread(() -> {
                try (LockGuard w = domain.acquire()) {
                    acquiredByWaiter.countDown();
                }
            }, "waiter-thread");
            waiter.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            boolean seen = false;
            while (!seen && System.nanoTime() < deadline) {
                seen = locks.snapshot().stream().anyMatch(i -> i.state() == LockInfo.State.WAITING
                        && i.threadName().equals("waiter-thread") && i.lockName().equals("domain contended"));
                Thread.onSpinWait();
            }
            assertTrue(seen, "the waiting thread appears in the snapshot");
            assertTrue(locks.snapshot().stream().anyMatch(i -> i.state() == LockInfo.State.HELD
                    && i.threadName().equals(Thread.currentThread().getName())));
        }
        assertTrue(acquiredByWaiter.await(5, TimeUnit.SECONDS));
        waiter.join(5000);
        assertTrue(locks.snapshot().isEmpty());
    }

    @Test
    void withCheckingOffAViolationIsLoggedAndTheLockTaken() {
        OrderedLockFactory lenient = new OrderedLockFactory(false, Duration.ofSeconds(5));
        OrderedLock driver = lenient.create(LockLevel.DRIVER, "driver x");
        OrderedLock domain = lenient.create(LockLevel.OBJECT, "domain y");
        try (LockGuard d = domain.acquire(); LockGuard g = driver.acquire()) {
            assertTrue(driver.isHeldByCurrentThread());
        }
        assertFalse(lenient.checking());
    }

    @Test
    void releasingALockNotHeldIsAnError() {
        OrderedLock domain = locks.create(LockLevel.OBJECT, "domain z");
        assertThrows(IllegalStateException.class, domain::release);
    }

    @Test
    void conditionWaitReleasesAndRetakesTheLock() throws Exception {
        OrderedLock domain = locks.create(LockLevel.OBJECT, "domain c");
        var condition = domain.newCondition();
        CountDownLatch signalled = new CountDownLatch(1);
        Thread signaller;
        try (LockGuard g = domain.acquire()) {
            signaller = new Thread(() -> {
                try (LockGuard s = domain.acquire()) {
                    condition.signalAll();
                    signalled.countDown();
                }
            });
            signaller.start();
            assertTrue(condition.await(Duration.ofSeconds(5)), "woken by the signaller, who needed the lock");
            assertTrue(domain.isHeldByCurrentThread());
            assertEquals(List.of(domain), locks.heldByCurrentThread());
        }
        assertTrue(signalled.await(1, TimeUnit.SECONDS));
        signaller.join(5000);
    }

    @Test
    void conditionWaitWhoseRetakeMayNotFollowAHeldLockIsAViolation() throws Exception {
        OrderedLock domain = locks.create(LockLevel.OBJECT, "domain w");
        OrderedLock monitor = locks.create(LockLevel.MONITOR, "monitor of domain w");
        var condition = domain.newCondition();
        try (LockGuard d = domain.acquire(); LockGuard m = monitor.acquire()) {
            // re-taking OBJECT after the wait would happen under MONITOR: refused before releasing anything
            LockOrderViolationException e = assertThrows(LockOrderViolationException.class,
                    () -> condition.await(Duration.ofSeconds(5)));
            assertTrue(e.getMessage().contains("'domain w' (OBJECT) while holding 'monitor of domain w' (MONITOR)"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("after a condition wait"), e.getMessage());
            assertTrue(domain.isHeldByCurrentThread(), "the lock was not released");
            assertEquals(List.of(domain, monitor), locks.heldByCurrentThread());
        }
        assertTrue(locks.snapshot().isEmpty());
    }

    @Test
    void conditionWaitHoldingOnlyLowerLocksIsAccepted() throws Exception {
        OrderedLock driver = locks.create(LockLevel.DRIVER, "driver d");
        OrderedLock domain = locks.create(LockLevel.OBJECT, "domain d");
        var condition = domain.newCondition();
        try (LockGuard g = driver.acquire(); LockGuard d = domain.acquire()) {
            assertFalse(condition.await(Duration.ofMillis(20)), "nobody signals: the wait times out");
            assertEquals(List.of(driver, domain), locks.heldByCurrentThread(), "order and bookkeeping kept");
            assertEquals(Thread.currentThread().getName(), domain.holderThreadName().orElseThrow());
        }
    }

    @Test
    void handOverHandLeavesOnlyTheClientLockInTheSnapshot() {
        OrderedLock server = locks.create(LockLevel.SERVER, "server s");
        OrderedLock client = locks.create(LockLevel.CLIENT, "client 9");
        LockGuard s = server.acquire();
        try (LockGuard c = client.acquire()) {
            s.close();
            s.close(); // idempotent
            List<LockInfo> snap = locks.snapshot();
            assertEquals(1, snap.size(), snap.toString());
            assertEquals("client 9", snap.get(0).lockName());
            assertEquals(LockInfo.State.HELD, snap.get(0).state());
            assertTrue(server.holderThreadName().isEmpty());
        }
        assertTrue(locks.snapshot().isEmpty());
    }

    @Test
    void withTracingAViolationShowsWhereTheHeldLockWasTaken() {
        OrderedLockFactory tracing = new OrderedLockFactory(true, Duration.ofSeconds(5));
        tracing.configure(java.util.Map.of("lock_check", "true", "lock_trace", "true"));
        OrderedLock driver = tracing.create(LockLevel.DRIVER, "driver t");
        OrderedLock domain = tracing.create(LockLevel.OBJECT, "domain t");
        try (LockGuard d = domain.acquire()) {
            LockOrderViolationException e = assertThrows(LockOrderViolationException.class, driver::acquire);
            assertEquals(1, e.getSuppressed().length, "the held lock's acquisition stack is attached");
            assertTrue(e.getSuppressed()[0].getMessage().contains(Thread.currentThread().getName()));
        }
    }

    @Test
    void withoutTracingNoStackIsCapturedButTheOrderIsStillChecked() {
        OrderedLock driver = locks.create(LockLevel.DRIVER, "driver u");
        OrderedLock domain = locks.create(LockLevel.OBJECT, "domain u");
        try (LockGuard d = domain.acquire()) {
            LockOrderViolationException e = assertThrows(LockOrderViolationException.class, driver::acquire);
            assertEquals(0, e.getSuppressed().length);
        }
    }

    @Test
    void aGuardClosedAfterItsLockWasReleasedAndRetakenReleasesTheRetakenHold() {
        OrderedLock driver = locks.create(LockLevel.DRIVER, "driver v");
        LockGuard g = driver.acquire();
        driver.release();
        driver.acquire(); // re-taken without the guard, as BeginJobWithDriver does
        g.close();
        assertFalse(driver.isHeldByCurrentThread());
        assertTrue(locks.snapshot().isEmpty());
    }
}
