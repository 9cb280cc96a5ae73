package io.jvirtd.core.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;

import io.jvirtd.api.dispatch.Priority;
import io.jvirtd.api.dispatch.WorkerPoolStats;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class PriorityWorkerPoolTest {
    private final PriorityWorkerPool pool = new PriorityWorkerPool("test");
    private final CountDownLatch gate = new CountDownLatch(1);

    @AfterEach
    void stop() {
        gate.countDown();
        pool.stop();
    }

    private Runnable blocked(CountDownLatch started) {
        return () -> {
            started.countDown();
            try {
                gate.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static void awaitStats(PriorityWorkerPool pool, Supplier<String> what,
            java.util.function.Predicate<WorkerPoolStats> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.test(pool.stats())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get() + "; stats " + pool.stats());
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void aHighPriorityJobRunsWhileEveryNormalWorkerIsBlocked() throws Exception {
        pool.start(2, 2, 1, 100);
        CountDownLatch started = new CountDownLatch(2);
        pool.submit(Priority.NORMAL, blocked(started));
        pool.submit(Priority.NORMAL, blocked(started));
        assertTrue(started.await(5, TimeUnit.SECONDS));
        CountDownLatch normalRan = new CountDownLatch(1);
        pool.submit(Priority.NORMAL, normalRan::countDown);
        CountDownLatch highRan = new CountDownLatch(1);
        pool.submit(Priority.HIGH, highRan::countDown);
        assertTrue(highRan.await(5, TimeUnit.SECONDS), "the priority worker ran the HIGH job");
        assertFalse(normalRan.await(100, TimeUnit.MILLISECONDS), "no normal worker is free for the NORMAL job");
        WorkerPoolStats stats = pool.stats();
        assertEquals(new WorkerPoolStats(2, 2, 2, 0, 1, 1, 100), stats,
                "min, max, nWorkers, freeWorkers (none), prioWorkers, one NORMAL job queued, max_queued_jobs");
        gate.countDown();
        assertTrue(normalRan.await(5, TimeUnit.SECONDS), "the NORMAL job runs once a worker frees up");
    }

    @Test
    void workersGrowWithLoadUpToTheMaximum() throws Exception {
        pool.start(1, 4, 0, 100);
        assertEquals(1, pool.stats().nWorkers());
        CountDownLatch started = new CountDownLatch(4);
        for (int i = 0; i < 6; i++) {
            pool.submit(Priority.NORMAL, blocked(started));
        }
        assertTrue(started.await(5, TimeUnit.SECONDS), "four jobs run at once");
        WorkerPoolStats stats = pool.stats();
        assertEquals(4, stats.nWorkers(), "grew to max_workers and no further");
        assertEquals(2, stats.jobQueueDepth());
    }

    @Test
    void resizeUpAndDownUnderLoad() throws Exception {
        pool.start(2, 2, 0, 100);
        CountDownLatch firstTwo = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            pool.submit(Priority.NORMAL, blocked(firstTwo));
        }
        assertTrue(firstTwo.await(5, TimeUnit.SECONDS));
        CountDownLatch nextTwo = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            pool.submit(Priority.NORMAL, blocked(nextTwo));
        }
        assertFalse(nextTwo.await(100, TimeUnit.MILLISECONDS), "both workers busy");
        pool.setParameters(4, 6, -1);
        assertTrue(nextTwo.await(5, TimeUnit.SECONDS), "growing the pool runs the queued jobs");
        assertEquals(4, pool.stats().nWorkers());
        assertEquals(6, pool.stats().maxWorkers());

        pool.setParameters(1, 1, -1);
        assertEquals(4, pool.stats().nWorkers(), "busy workers are not interrupted");
        gate.countDown();
        awaitStats(pool, () -> "the pool to shrink to one worker", s -> s.nWorkers() == 1);
        CountDownLatch afterShrink = new CountDownLatch(1);
        pool.submit(Priority.NORMAL, afterShrink::countDown);
        assertTrue(afterShrink.await(5, TimeUnit.SECONDS));
        assertEquals(1, pool.stats().nWorkers());
    }

    @Test
    void priorityWorkersFollowResize() throws Exception {
        pool.start(1, 1, 1, 100);
        pool.setParameters(-1, -1, 3);
        assertEquals(3, pool.stats().prioWorkers());
        pool.setParameters(-1, -1, 0);
        awaitStats(pool, () -> "priority workers to exit", s -> s.prioWorkers() == 0);
    }

    @Test
    void aFullQueueRejectsWithAnErrorAndLosesNoAcceptedJob() throws Exception {
        pool.start(1, 1, 0, 5);
        CountDownLatch started = new CountDownLatch(1);
        pool.submit(Priority.NORMAL, blocked(started));
        assertTrue(started.await(5, TimeUnit.SECONDS));
        AtomicIntegerArray runs = new AtomicIntegerArray(20);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 20; i++) {
            int id = i;
            try {
                pool.submit(Priority.NORMAL, () -> runs.incrementAndGet(id));
                accepted++;
            } catch (VirException e) {
                assertEquals(VirErrorCode.RESOURCE_BUSY, e.code());
                assertTrue(e.getMessage().contains("max_queued_jobs=5"), e.getMessage());
                rejected++;
            }
        }
        assertEquals(5, accepted);
        assertEquals(15, rejected);
        CountDownLatch drained = new CountDownLatch(1);
        gate.countDown();
        awaitStats(pool, () -> "the queue to drain", s -> s.jobQueueDepth() == 0);
        pool.submit(Priority.NORMAL, drained::countDown);
        assertTrue(drained.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 20; i++) {
            assertEquals(i < 5 ? 1 : 0, runs.get(i), "job " + i);
        }
    }

    @Test
    void invalidParametersAreRefusedAndTheOldOnesKept() {
        pool.start(2, 5, 1, 100);
        VirException e = assertThrows(VirException.class, () -> pool.setParameters(6, -1, -1));
        assertEquals(VirErrorCode.INVALID_ARG, e.code());
        assertEquals(VirErrorDomain.NONE, e.domain());
        assertEquals("invalid argument: minWorkers cannot be larger than maxWorkers", e.getMessage());
        VirException zero = assertThrows(VirException.class, () -> pool.setParameters(0, 0, -1));
        assertEquals(VirErrorCode.INVALID_ARG, zero.code());
        assertEquals("invalid argument: maxWorkers must not be switched from zero to non-zero and vice versa",
                zero.getMessage());
        VirException huge = assertThrows(VirException.class, () -> pool.setParameters(-1, 10_001, -1));
        assertEquals("invalid argument: at most 10000 workers of each kind are allowed (maxWorkers=10001, prioWorkers=1)",
                huge.getMessage());
        assertThrows(VirException.class, () -> pool.setParameters(-1, 1, -1), "max below the current min 2");
        WorkerPoolStats stats = pool.stats();
        assertEquals(2, stats.minWorkers());
        assertEquals(5, stats.maxWorkers());
        assertEquals(1, stats.prioWorkers());
    }

    @Test
    void workerThreadsAreNamedByKind() throws Exception {
        pool.start(1, 1, 1, 10);
        java.util.List<String> names = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch both = new CountDownLatch(2);
        CountDownLatch normalStarted = new CountDownLatch(1);
        pool.submit(Priority.NORMAL, () -> {
            names.add(Thread.currentThread().getName());
            normalStarted.countDown();
            both.countDown();
            try {
                gate.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(normalStarted.await(5, TimeUnit.SECONDS));
        pool.submit(Priority.HIGH, () -> { // the only normal worker is busy: the priority worker takes it
            names.add(Thread.currentThread().getName());
            both.countDown();
        });
        assertTrue(both.await(5, TimeUnit.SECONDS));
        assertEquals(java.util.List.of("jvirtd-worker-1", "jvirtd-prio-worker-1"), names);
    }

    @Test
    void stopLetsTheRunningJobFinishAndDropsQueuedOnes() throws Exception {
        pool.start(1, 1, 0, 10);
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger queuedRan = new AtomicInteger();
        pool.submit(Priority.NORMAL, () -> {
            started.countDown();
            try {
                gate.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        pool.submit(Priority.NORMAL, queuedRan::incrementAndGet);
        pool.submit(Priority.NORMAL, queuedRan::incrementAndGet);
        Thread stopper = new Thread(pool::stop, "stopper");
        stopper.start();
        // stop() first empties the queue, then waits for the running job
        awaitStats(pool, () -> "stop to drop the queue", s -> s.jobQueueDepth() == 0);
        assertTrue(stopper.isAlive(), "stop waits while a job runs");
        gate.countDown();
        stopper.join(10_000);
        assertFalse(stopper.isAlive());
        assertEquals(1, finished.get(), "the running job finished, not interrupted");
        assertEquals(0, queuedRan.get(), "queued jobs were dropped, not run");
        assertEquals(0, pool.stats().nWorkers());
    }

    @Test
    void aThrowingJobDoesNotKillItsWorker() throws Exception {
        pool.start(1, 1, 0, 100);
        pool.submit(Priority.NORMAL, () -> {
            throw new IllegalStateException("job failure (expected by the test)");
        });
        CountDownLatch next = new CountDownLatch(1);
        pool.submit(Priority.NORMAL, next::countDown);
        assertTrue(next.await(5, TimeUnit.SECONDS));
        assertEquals(1, pool.stats().nWorkers());
    }

    @Test
    void submitAfterStopIsRefused() {
        pool.start(1, 1, 0, 100);
        pool.stop();
        VirException e = assertThrows(VirException.class, () -> pool.submit(Priority.NORMAL, () -> { }));
        assertEquals(VirErrorCode.OPERATION_INVALID, e.code());
    }

    @Test
    void configurationAppliesLiveAndABadValueKeepsTheOldOne() {
        pool.activate(java.util.Map.of("min_workers", "1", "max_workers", "3", "prio_workers", "2"));
        assertEquals(3, pool.stats().maxWorkers());
        assertEquals(2, pool.stats().prioWorkers());
        pool.modified(java.util.Map.of("min_workers", "2", "max_workers", "8", "prio_workers", "2"));
        assertEquals(8, pool.stats().maxWorkers());
        assertEquals(2, pool.stats().nWorkers());
        pool.modified(java.util.Map.of("min_workers", "two", "max_workers", "8"));
        assertEquals(2, pool.stats().minWorkers());
        pool.modified(java.util.Map.of("min_workers", "9", "max_workers", "8"));
        assertEquals(8, pool.stats().maxWorkers());
        assertEquals(2, pool.stats().minWorkers());
    }
}
