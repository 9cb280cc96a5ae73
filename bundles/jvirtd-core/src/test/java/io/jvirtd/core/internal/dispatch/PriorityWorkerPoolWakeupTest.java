package io.jvirtd.core.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirtd.api.dispatch.Priority;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One wake-up per job: bursts of jobs of both priorities all run, none waits for a busy worker. */
@Timeout(20)
class PriorityWorkerPoolWakeupTest {
    private final PriorityWorkerPool pool = new PriorityWorkerPool("wakeup");

    @AfterEach
    void stop() {
        pool.stop();
    }

    @Test
    void aBurstOfHighJobsLargerThanThePriorityWorkersRunsInParallelOnNormalWorkers() throws Exception {
        pool.start(3, 3, 1, 100);
        // four jobs that only finish together: they need four threads at once (1 prio + 3 normal)
        CountDownLatch allRunning = new CountDownLatch(4);
        CountDownLatch done = new CountDownLatch(4);
        for (int i = 0; i < 4; i++) {
            pool.submit(Priority.HIGH, () -> {
                allRunning.countDown();
                try {
                    if (allRunning.await(10, TimeUnit.SECONDS)) {
                        done.countDown();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertTrue(done.await(15, TimeUnit.SECONDS), "every job got a worker without waiting for another to end");
    }

    @Test
    void manyMixedJobsAllRun() throws Exception {
        pool.start(2, 4, 2, 10_000);
        int n = 5_000;
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            pool.submit(i % 3 == 0 ? Priority.NORMAL : Priority.HIGH, done::countDown);
        }
        assertTrue(done.await(15, TimeUnit.SECONDS));
    }
}
