package io.jvirtd.driver.test.internal;

import static io.jvirtd.driver.test.internal.DriverFixture.assertVirError;
import static io.jvirtd.driver.test.internal.DriverFixture.domainXml;
import static io.jvirtd.driver.test.internal.DriverFixture.names;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.jvirtd.api.domain.DomainEvent;
import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.domain.DomainState;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.object.ObjectHandle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The test driver under concurrency, on core's checked lock hierarchy: a job on one domain never
 * delays calls on another, a caller waiting for a job holds no driver lock, a domain removed
 * while a call waits is reported missing, and a stress run leaves no domain, job or lock behind.
 */
@Timeout(60)
class TestDriverConcurrencyTest {
    private final DriverFixture fx = new DriverFixture(Duration.ofSeconds(1));
    private final TestState state = TestStateLoader.load(TestDriver.DEFAULT_URI, fx.locks, fx.model);
    private final TestDomains domains = new TestDomains(state);
    private final CountDownLatch begun = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private Thread holder;

    @AfterEach
    void checkNothingLeft() throws InterruptedException {
        release.countDown();
        if (holder != null) {
            holder.join(5000);
        }
        assertTrue(fx.locks.snapshot().isEmpty(), "no lock left held: " + fx.locks.snapshot());
        assertTrue(fx.model.activeJobs().isEmpty(), "no job left active: " + fx.model.activeJobs());
    }

    /**
     * Holds a job on {@code name} from another thread, as a long call would (object lock released
     * while the job runs); {@code beforeEnd} runs with the object lock re-taken, before EndJob.
     */
    private void holdJob(String name, Consumer<ObjectHandle<TestDomain>> beforeEnd) {
        holder = new Thread(() -> {
            try (ObjectHandle<TestDomain> h = state.domains.findByName(name).orElseThrow()) {
                h.job().beginJob("virDomainLongCall");
                h.lock().release();
                begun.countDown();
                release.await(30, TimeUnit.SECONDS);
                h.lock().acquire();
                beforeEnd.accept(h);
                h.job().endJob();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "holder-of-" + name);
        holder.start();
    }

    /** Waits until {@code t} is parked (in a job or lock wait); bounded by the test timeout. */
    private static void awaitParked(Thread t) {
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(t.isAlive(), t.getName() + " ended instead of waiting");
            Thread.onSpinWait();
        }
    }

    @Test
    void aJobOnOneDomainDoesNotDelayCallsOnAnother() throws Exception {
        DomainRef a = domains.create(domains.define(domainXml("a", UUID.randomUUID()), 0), 0);
        DomainRef b = domains.define(domainXml("b", UUID.randomUUID()), 0);
        holdJob("a", h -> { });
        assertTrue(begun.await(5, TimeUnit.SECONDS));

        // Every call on b, and reads of a, go through while a's job is held: one that waited for
        // that job would fail with OPERATION_TIMEOUT after the job wait (1 s), whatever the load.
        assertDoesNotThrow(() -> {
            domains.create(b, 0);
            domains.suspend(b);
            domains.resume(b);
            domains.setMemory(b, 2048, 0);
            domains.destroy(b, 0);
            domains.undefine(b, 0);
            domains.createXml(domainXml("c", UUID.randomUUID()), 0);
            assertEquals(new DomainState(DomainState.RUNNING, 1), domains.state(a, 0));
            assertEquals(List.of("a", "c", "test"), names(domains.listAll(0)));
        });

        // The hold is real: a change on a waits for its job and times out naming the holder.
        VirException e = assertThrows(VirException.class, () -> domains.suspend(a));
        assertEquals(VirErrorCode.OPERATION_TIMEOUT, e.code());
        assertTrue(e.getMessage().contains("held by thread holder-of-a, API virDomainLongCall"), e.getMessage());
    }

    @Test
    void aCallWaitingForAJobHoldsNoDriverLock() throws Exception {
        DriverFixture slow = new DriverFixture(Duration.ofSeconds(20));
        TestState s = TestStateLoader.load(TestDriver.DEFAULT_URI, slow.locks, slow.model);
        TestDomains doms = new TestDomains(s);
        UUID uuid = UUID.randomUUID();
        DomainRef a = doms.define(domainXml("a", uuid), 0);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        Thread h = new Thread(() -> {
            try (ObjectHandle<TestDomain> oh = s.domains.findByName("a").orElseThrow()) {
                oh.job().beginJob("virDomainLongCall");
                oh.lock().release();
                held.countDown();
                letGo.await(30, TimeUnit.SECONDS);
                oh.lock().acquire();
                oh.job().endJob();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        h.start();
        assertTrue(held.await(5, TimeUnit.SECONDS));
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread redefine = new Thread(() -> {
            try {
                doms.define(domainXml("a", uuid, 16384, ""), 0);
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        redefine.start();
        awaitParked(redefine);

        // define and createXml take the state's driver lock: the waiting redefine must not hold it
        // (if it did, they would fail with OPERATION_TIMEOUT after the lock deadline).
        assertDoesNotThrow(() -> {
            doms.define(domainXml("c", UUID.randomUUID()), 0);
            doms.createXml(domainXml("d", UUID.randomUUID()), 0);
        });
        letGo.countDown();
        redefine.join(5000);
        h.join(5000);
        assertEquals(null, failed.get());
        assertEquals(16384, doms.info(a).maxMemoryKiB());
        assertTrue(slow.locks.snapshot().isEmpty());
    }

    @Test
    void aDomainRemovedWhileACallWaitsForItsJobIsNotFound() throws Exception {
        DriverFixture slow = new DriverFixture(Duration.ofSeconds(20));
        TestState s = TestStateLoader.load(TestDriver.DEFAULT_URI, slow.locks, slow.model);
        TestDomains doms = new TestDomains(s);
        DomainRef a = doms.define(domainXml("a", UUID.randomUUID()), 0);
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        doms.subscribe(events::add);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        Thread h = new Thread(() -> {
            try (ObjectHandle<TestDomain> oh = s.domains.findByName("a").orElseThrow()) {
                oh.job().beginJob("virDomainUndefine");
                oh.lock().release();
                held.countDown();
                letGo.await(30, TimeUnit.SECONDS);
                oh.lock().acquire();
                s.domains.remove(oh);
                oh.job().endJob();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        h.start();
        assertTrue(held.await(5, TimeUnit.SECONDS));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread starter = new Thread(() -> {
            try {
                doms.create(a, 0);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        starter.start();
        awaitParked(starter);
        letGo.countDown();
        starter.join(5000);
        h.join(5000);
        assertTrue(outcome.get() instanceof VirException, "the start of a vanished domain fails: " + outcome.get());
        VirException e = (VirException) outcome.get();
        assertEquals(VirErrorCode.NO_DOMAIN, e.code());
        assertEquals("Domain not found: no domain with matching uuid '" + a.uuid() + "' (a)", e.getMessage());
        assertEquals(List.of(), events, "no STARTED event for a domain no longer listed");
        assertEquals(List.of("test"), names(doms.listAll(0)));
    }

    @Test
    void eightThreadsCyclingTheirOwnDomainsLeaveNothingBehind() throws Exception {
        DriverFixture stress = new DriverFixture(Duration.ofSeconds(10));
        TestState s = TestStateLoader.load(TestDriver.DEFAULT_URI, stress.locks, stress.model);
        TestDomains doms = new TestDomains(s);
        AtomicInteger events = new AtomicInteger();
        doms.subscribe(e -> events.incrementAndGet());
        Set<Integer> ids = ConcurrentHashMap.newKeySet();
        int threads = 8;
        int iterations = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String name = "vm" + t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < iterations; i++) {
                        DomainRef d = doms.define(domainXml(name, UUID.randomUUID()), 0);
                        DomainRef running = doms.create(d, 0);
                        ids.add(running.id());
                        doms.suspend(d);
                        doms.resume(d);
                        doms.destroy(d, 0);
                        doms.undefine(d, 0);
                        DomainRef tr = doms.createXml(domainXml(name + "-t", UUID.randomUUID()), 0);
                        ids.add(tr.id());
                        doms.shutdown(tr, 0);
                        doms.listAll(0);
                        doms.state(doms.lookupByName("test"), 0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * iterations * 2, ids.size(), "every start got its own id");
        assertEquals(threads * iterations * 8, events.get(), "define, start, suspend, resume, stop, undefine, "
                + "start and stop of the transient one");
        assertEquals(List.of("test"), names(doms.listAll(0)));
        assertTrue(stress.locks.snapshot().isEmpty(), stress.locks.snapshot().toString());
        assertTrue(stress.model.activeJobs().isEmpty());
    }

    @Test
    void concurrentSuspendResumeOfOneDomainStaysConsistent() throws Exception {
        DriverFixture stress = new DriverFixture(Duration.ofSeconds(10));
        TestState s = TestStateLoader.load(TestDriver.DEFAULT_URI, stress.locks, stress.model);
        TestDomains doms = new TestDomains(s);
        DomainRef test = doms.lookupByName("test");
        AtomicInteger suspendEvents = new AtomicInteger();
        AtomicInteger resumeEvents = new AtomicInteger();
        doms.subscribe(e -> (e.event() == DomainEvent.SUSPENDED ? suspendEvents : resumeEvents).incrementAndGet());
        AtomicInteger suspended = new AtomicInteger();
        AtomicInteger resumed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        try {
                            doms.suspend(test);
                            suspended.incrementAndGet();
                        } catch (VirException e) {
                            assertEquals("internal error: domain 'test' not running", e.getMessage());
                        }
                        try {
                            doms.resume(test);
                            resumed.incrementAndGet();
                        } catch (VirException e) {
                            assertEquals("internal error: domain 'test' not paused", e.getMessage());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int paused = doms.state(test, 0).state() == DomainState.PAUSED ? 1 : 0;
        assertEquals(paused, suspended.get() - resumed.get(), "each success flipped the state exactly once");
        assertEquals(suspended.get(), suspendEvents.get());
        assertEquals(resumed.get(), resumeEvents.get());
        assertVirError(VirErrorCode.NO_DOMAIN, VirErrorDomain.TEST, "Domain not found", () -> doms.lookupById(2));
    }
}
