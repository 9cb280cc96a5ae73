package io.jvirtd.core.internal.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.job.JobInfo;
import io.jvirtd.api.lock.LockGuard;
import io.jvirtd.api.lock.LockLevel;
import io.jvirtd.api.lock.OrderedLock;
import io.jvirtd.api.object.ObjectHandle;
import io.jvirtd.api.object.ObjectList;
import io.jvirtd.core.internal.lock.OrderedLockFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class JobControlTest {
    private final OrderedLockFactory locks = new OrderedLockFactory(true, Duration.ofSeconds(5));
    private final ObjectModel model = new ObjectModel(locks, Duration.ofSeconds(5));
    private final ObjectList<TestDomain> domains = model.create("domain", VirErrorDomain.QEMU);
    private final OrderedLock driverLock = locks.create(LockLevel.DRIVER, "driver qemu");

    /** A thread that begins a job on {@code name}, signals, and ends it when released. */
    private Thread jobHolder(String name, String api, CountDownLatch begun, CountDownLatch release) {
        return jobHolder(domains, name, api, "job-holder", begun, release);
    }

    private static Thread jobHolder(ObjectList<TestDomain> list, String name, String api, String threadName,
            CountDownLatch begun, CountDownLatch release) {
        Thread t = new Thread(() -> {
            try (ObjectHandle<TestDomain> h = list.findByName(name).orElseThrow()) {
                h.job().beginJob(api);
                h.lock().release();
                begun.countDown();
                release.await(15, TimeUnit.SECONDS);
                h.lock().acquire();
                h.job().endJob();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, threadName);
        t.start();
        return t;
    }

    @Test
    void aSecondJobWaitsUntilTheFirstEnds() throws Exception {
        domains.addIfAbsent(TestDomain.inactive("vm1")).orElseThrow().close();
        CountDownLatch begun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = jobHolder("vm1", "virDomainCreate", begun, release);
        assertTrue(begun.await(5, TimeUnit.SECONDS));
        List<JobInfo> jobs = model.activeJobs();
        assertEquals(1, jobs.size());
        assertEquals("virDomainCreate", jobs.get(0).api());
        assertEquals("job-holder", jobs.get(0).ownerThread());
        assertEquals("vm1", jobs.get(0).objectName());

        CountDownLatch secondBegun = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            try (ObjectHandle<TestDomain> h = domains.findByName("vm1").orElseThrow()) {
                h.job().beginJob("virDomainDestroy");
                secondBegun.countDown();
                h.job().endJob();
            }
        });
        second.start();
        assertFalse(secondBegun.await(200, TimeUnit.MILLISECONDS), "must wait while the first job runs");
        release.countDown();
        assertTrue(secondBegun.await(5, TimeUnit.SECONDS), "runs once the first job ended");
        holder.join(5000);
        second.join(5000);
        assertTrue(model.activeJobs().isEmpty());
    }

    @Test
    void theJobDeadlineErrorNamesHolderApiAndAge() throws Exception {
        ObjectModel quick = new ObjectModel(locks, Duration.ofMillis(300));
        ObjectList<TestDomain> list = quick.create("domain", VirErrorDomain.QEMU);
        list.addIfAbsent(TestDomain.inactive("vm1")).orElseThrow().close();
        CountDownLatch begun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = jobHolder(list, "vm1", "virDomainSuspend", "worker-holding-the-job", begun, release);
        assertTrue(begun.await(5, TimeUnit.SECONDS));
        try (ObjectHandle<TestDomain> h = list.findByName("vm1").orElseThrow()) {
            VirException e = assertThrows(VirException.class, () -> h.job().beginJob("virDomainResume"));
            assertEquals(VirErrorCode.OPERATION_TIMEOUT, e.code());
            assertEquals(VirErrorDomain.QEMU, e.domain());
            String m = e.getMessage();
            assertTrue(m.startsWith("Timed out during operation: cannot acquire state change lock (held by thread "
                    + "worker-holding-the-job, API virDomainSuspend, for "), m);
            assertTrue(m.contains("for virDomainResume on domain 'vm1'"), m);
            double heldSeconds = Double.parseDouble(m.replaceAll(".*, for ([0-9.]+) s\\).*", "$1"));
            assertTrue(heldSeconds >= 0.3, "the age covers the wait: " + m);
            assertTrue(h.lock().isHeldByCurrentThread(), "the caller still holds the object lock");
        } finally {
            release.countDown();
            holder.join(5000);
        }
    }

    @Test
    void beginJobWithTheDriverLockHeldIsRefused() {
        domains.addIfAbsent(TestDomain.inactive("vm1")).orElseThrow().close();
        try (LockGuard d = driverLock.acquire();
                ObjectHandle<TestDomain> h = domains.findByName("vm1").orElseThrow()) {
            assertThrows(IllegalStateException.class, () -> h.job().beginJob("virDomainCreate"));
        }
    }

    @Test
    void beginJobWithDriverDropsTheDriverLockWhileWaitingAndRetakesItInOrder() throws Exception {
        ObjectHandle<TestDomain> added = domains.addIfAbsent(TestDomain.inactive("vm1")).orElseThrow();
        ManagedObject<TestDomain> object = ((ManagedObjectHandle<TestDomain>) added).object();
        added.close();
        assertEquals(1, object.references());
        CountDownLatch begun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = jobHolder("vm1", "virDomainCreate", begun, release);
        assertTrue(begun.await(5, TimeUnit.SECONDS));

        AtomicReference<List<OrderedLock>> heldAfter = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch waiterDone = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try (LockGuard d = driverLock.acquire();
                    ObjectHandle<TestDomain> h = domains.findByName("vm1").orElseThrow()) {
                h.job().beginJobWithDriver(driverLock, "virDomainUndefine");
                heldAfter.set(locks.heldByCurrentThread());
                h.job().endJob();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                waiterDone.countDown();
            }
        });
        waiter.start();
        // While the waiter waits for the job, the driver lock is free for everyone else.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean waiting = false;
        while (!waiting && System.nanoTime() < deadline) {
            waiting = locks.snapshot().stream().anyMatch(i -> i.lockName().equals("domain vm1")
                    && i.threadName().equals(waiter.getName()) && i.state() == io.jvirtd.api.lock.LockInfo.State.WAITING);
            Thread.onSpinWait();
        }
        assertTrue(waiting, "the waiter is waiting on the job condition");
        try (LockGuard d = driverLock.acquire(Duration.ofSeconds(2))) {
            assertTrue(driverLock.isHeldByCurrentThread());
        }
        release.countDown();
        assertTrue(waiterDone.await(5, TimeUnit.SECONDS));
        assertEquals(null, failure.get());
        List<OrderedLock> held = heldAfter.get();
        assertEquals(2, held.size());
        assertEquals(driverLock, held.get(0), "driver first");
        assertEquals("domain vm1", held.get(1).name(), "then the object");
        holder.join(5000);
        assertEquals(1, object.references(), "jobs and handles gave back their references");
        assertTrue(model.activeJobs().isEmpty());
    }

    @Test
    void monitorCallsRunWithoutTheObjectLock() throws Exception {
        ObjectHandle<TestDomain> added = domains.addIfAbsent(TestDomain.inactive("vm1")).orElseThrow();
        ManagedObject<TestDomain> object = ((ManagedObjectHandle<TestDomain>) added).object();
        int before = 2;
        assertEquals(before, object.references());
        try (ObjectHandle<TestDomain> h = added) {
            h.job().beginJob("virDomainGetInfo");
            assertEquals(before + 1, object.references(), "a job references its object");
            h.job().enterMonitor();
            assertFalse(h.lock().isHeldByCurrentThread());
            CountDownLatch locked = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (ObjectHandle<TestDomain> r = domains.findByName("vm1").orElseThrow()) {
                    locked.countDown();
                }
            });
            reader.start();
            assertTrue(locked.await(5, TimeUnit.SECONDS), "others can lock the object during monitor I/O");
            reader.join(5000);
            h.job().exitMonitor();
            assertTrue(h.lock().isHeldByCurrentThread());
            h.job().endJob();
        }
        assertEquals(1, object.references(), "only the list's reference is left");
    }

    @Test
    void endJobByANonOwnerIsRefused() {
        domains.addIfAbsent(TestDomain.inactive("vm1")).orElseThrow().close();
        try (ObjectHandle<TestDomain> h = domains.findByName("vm1").orElseThrow()) {
            assertThrows(IllegalStateException.class, () -> h.job().endJob());
            assertThrows(IllegalStateException.class, () -> h.job().enterMonitor());
        }
    }

    @Test
    void beginJobByTheJobsOwnOwnerIsRefusedAtOnce() {
        domains.addIfAbsent(TestDomain.inactive("vm1")).orElseThrow().close();
        try (ObjectHandle<TestDomain> h = domains.findByName("vm1").orElseThrow()) {
            h.job().beginJob("virDomainCreate");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> h.job().beginJob("virDomainSuspend"));
            assertTrue(e.getMessage().contains("already runs job virDomainCreate"), e.getMessage());
            assertEquals("virDomainCreate", h.job().current().orElseThrow().api());
            h.job().endJob();
            assertTrue(h.job().current().isEmpty());
        }
    }

    @Test
    void beginJobWithDriverRequiresADriverLevelLockHeld() {
        domains.addIfAbsent(TestDomain.inactive("vm1")).orElseThrow().close();
        try (ObjectHandle<TestDomain> h = domains.findByName("vm1").orElseThrow()) {
            assertThrows(IllegalStateException.class, () -> h.job().beginJobWithDriver(driverLock, "virDomainUndefine"));
            assertTrue(h.job().current().isEmpty());
            assertTrue(h.lock().isHeldByCurrentThread());
        }
    }
}
