package io.jvirtd.shell.internal;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.jvirtd.api.driver.DriverInfo;
import io.jvirtd.api.job.JobInfo;
import io.jvirtd.api.lock.LockInfo;
import io.jvirtd.api.lock.LockLevel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DiagnosticCommandsTest {

    private static DiagnosticCommands withServices() {
        DiagnosticCommands commands = new DiagnosticCommands();
        commands.setLocks(new FakeLockFactory(
                new LockInfo("domain vm1", LockLevel.OBJECT, LockInfo.State.HELD, "jvirtd-worker-2", Duration.ofMillis(1240)),
                new LockInfo("qemu driver", LockLevel.DRIVER, LockInfo.State.WAITING, "jvirtd-worker-3",
                        Duration.ofMillis(61_060))));
        commands.setJobs(new FakeJobRegistry(new JobInfo("domain", "vm1", "virDomainCreate", "jvirtd-worker-2",
                Instant.now().minusMillis(2_500))));
        commands.setDrivers(new FakeDriverRegistry(new DriverInfo("Test", "test", "io.jvirtd.driver.test", 23)));
        commands.addPool(new FakePool("libvirtd"));
        return commands;
    }

    @Test
    void locksShowsEveryHeldAndAwaitedLockWithItsAgeInSeconds() {
        DiagnosticCommands commands = withServices();
        assertEquals("""
                domain vm1\tOBJECT\theld\tjvirtd-worker-2\t1.2 s
                qemu driver\tDRIVER\twaiting\tjvirtd-worker-3\t61.1 s
                """, commands.locks(true));
        assertEquals("""
                lock         level   state    thread           age
                -----------------------------------------------------
                domain vm1   OBJECT  held     jvirtd-worker-2  1.2 s
                qemu driver  DRIVER  waiting  jvirtd-worker-3  61.1 s
                """, commands.locks(false));
    }

    @Test
    void jobsShowsKindObjectApiOwnerAndAge() {
        String jobs = withServices().jobs(false);
        assertTrue(jobs.startsWith("kind    object  api              owner thread     age\n"), jobs);
        // begun 2.5 s before the call: at least 2.5 s, with one decimal
        assertTrue(jobs.matches("(?s).*\ndomain  vm1     virDomainCreate  jvirtd-worker-2  ([2-9]|\\d\\d)\\.\\d s\n"), jobs);
        assertFalse(jobs.matches("(?s).*  2\\.[0-4] s\n"), jobs);
    }

    @Test
    void nothingHeldOrRunningSaysSo() {
        DiagnosticCommands commands = new DiagnosticCommands();
        commands.setLocks(new FakeLockFactory());
        commands.setJobs(new FakeJobRegistry());
        assertEquals("no lock held or awaited\n", commands.locks(false));
        assertEquals("no active job\n", commands.jobs(false));
        assertEquals("", commands.jobs(true));
    }

    @Test
    void aMissingServiceIsNamed() {
        DiagnosticCommands commands = new DiagnosticCommands();
        IllegalStateException locks = assertThrows(IllegalStateException.class, () -> commands.locks(false));
        assertTrue(locks.getMessage().startsWith("no LockFactory service"), locks.getMessage());
        IllegalStateException jobs = assertThrows(IllegalStateException.class, () -> commands.jobs(false));
        assertTrue(jobs.getMessage().startsWith("no JobRegistry service"), jobs.getMessage());
    }

    @Test
    void dumpHasEverySectionWithTheServicesData() {
        String dump = withServices().dump(false);
        List<String> sections = List.of("== drivers\n", "== worker pools\n", "== locks\n", "== jobs\n", "== threads\n");
        int previous = -1;
        for (String section : sections) {
            int at = dump.indexOf(section);
            assertTrue(at > previous, section + " in order in:\n" + dump);
            previous = at;
        }
        assertTrue(dump.contains("io.jvirtd.driver.test"), dump);
        assertTrue(dump.contains("libvirtd  5           20          7"), dump);
        assertTrue(dump.contains("qemu driver  DRIVER  waiting  jvirtd-worker-3  61.1 s"), dump);
        assertTrue(dump.contains("virDomainCreate"), dump);
    }

    @Test
    void dumpWithoutServicesNamesEachMissingOneAndGoesOn() {
        String dump = new DiagnosticCommands().dump(false);
        assertTrue(dump.contains("== drivers\nno DriverRegistry service"), dump);
        assertTrue(dump.contains("== worker pools\nno worker pool\n"), dump);
        assertTrue(dump.contains("== locks\nno LockFactory service"), dump);
        assertTrue(dump.contains("== jobs\nno JobRegistry service"), dump);
        assertTrue(dump.contains("== threads\n"), dump);
    }

    @Test
    @Timeout(10)
    void dumpShowsTheStackOfEveryJvirtdThreadAndNoOther() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            started.countDown();
            try {
                release.await(10, SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "jvirtd-shelltest-waiter");
        waiter.start();
        try {
            assertTrue(started.await(10, SECONDS));
            String dump = withServices().dump(false);
            String threads = dump.substring(dump.indexOf("== threads\n"));
            assertTrue(threads.contains("\"jvirtd-shelltest-waiter\" #" + waiter.getId()), threads);
            assertTrue(threads.contains(DiagnosticCommandsTest.class.getName() + ".lambda$"), threads);
            assertFalse(threads.contains("\"" + Thread.currentThread().getName() + "\""), threads);
        } finally {
            release.countDown();
            waiter.join(SECONDS.toMillis(10));
        }
        assertFalse(waiter.isAlive());
    }
}
