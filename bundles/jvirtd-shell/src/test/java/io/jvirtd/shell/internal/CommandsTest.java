package io.jvirtd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.jvirtd.api.dispatch.Priority;
import io.jvirtd.api.dispatch.WorkerPool;
import io.jvirtd.api.dispatch.WorkerPoolStats;
import io.jvirtd.api.driver.Driver;
import io.jvirtd.api.driver.DriverInfo;
import io.jvirtd.api.driver.DriverRegistry;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.job.JobInfo;
import io.jvirtd.api.job.JobRegistry;
import io.jvirtd.api.lock.LockFactory;
import io.jvirtd.api.lock.LockInfo;
import io.jvirtd.api.lock.LockLevel;
import io.jvirtd.api.lock.OrderedLock;

import org.junit.jupiter.api.Test;

class CommandsTest {

    /** A pool that records setParameters and refuses min > max as the real one does. */
    static final class FakePool implements WorkerPool {
        final List<int[]> calls = new ArrayList<>();
        int min = 5;
        int max = 20;
        int prio = 5;

        @Override
        public String name() {
            return "libvirtd";
        }

        @Override
        public void submit(Priority priority, Runnable job) {
            throw new UnsupportedOperationException();
        }

        @Override
        public WorkerPoolStats stats() {
            return new WorkerPoolStats(min, max, 7, 3, prio, 11, 25000);
        }

        @Override
        public void setParameters(int minWorkers, int maxWorkers, int prioWorkers) {
            calls.add(new int[] {minWorkers, maxWorkers, prioWorkers});
            int newMin = minWorkers < 0 ? min : minWorkers;
            int newMax = maxWorkers < 0 ? max : maxWorkers;
            if (newMin > newMax) {
                throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.NONE,
                        "minWorkers cannot be larger than maxWorkers");
            }
            min = newMin;
            max = newMax;
            prio = prioWorkers < 0 ? prio : prioWorkers;
        }
    }

    @Test
    void threadpoolShowsTheStatsWithVirtAdminNames() {
        ThreadPoolCommands commands = new ThreadPoolCommands();
        commands.addPool(new FakePool());
        String out = commands.threadpool("libvirtd", -1, -1, -1, false);
        assertTrue(out.startsWith("server    minWorkers  maxWorkers  nWorkers  freeWorkers  prioWorkers  jobQueueDepth"), out);
        assertTrue(out.contains("libvirtd  5           20          7         3            5            11"), out);
        assertEquals("libvirtd\t5\t20\t7\t3\t5\t11\n", commands.threadpool("libvirtd", -1, -1, -1, true));
    }

    @Test
    void threadpoolSetPassesOnlyTheGivenSizes() {
        ThreadPoolCommands commands = new ThreadPoolCommands();
        FakePool pool = new FakePool();
        commands.addPool(pool);
        String out = commands.threadpool("libvirtd", -1, 30, 2, true);
        assertEquals(1, pool.calls.size());
        assertEquals(List.of(-1, 30, 2), List.of(pool.calls.get(0)[0], pool.calls.get(0)[1], pool.calls.get(0)[2]));
        assertEquals("libvirtd\t5\t30\t7\t3\t2\t11\n", out);
    }

    @Test
    void threadpoolReportsLibvirtsErrorAndAnUnknownServer() {
        ThreadPoolCommands commands = new ThreadPoolCommands();
        commands.addPool(new FakePool());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> commands.threadpool("libvirtd", 50, -1, -1, false));
        assertEquals("invalid argument: minWorkers cannot be larger than maxWorkers", e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> commands.threadpool("nosuch", 1, -1, -1, false));
        assertEquals("Server not found: no server named 'nosuch'", unknown.getMessage());
    }

    private static DiagnosticCommands diagnostics() {
        DiagnosticCommands commands = new DiagnosticCommands();
        commands.setLocks(new LockFactory() {
            @Override
            public OrderedLock create(LockLevel level, String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<OrderedLock> heldByCurrentThread() {
                return List.of();
            }

            @Override
            public List<LockInfo> snapshot() {
                return List.of(new LockInfo("domain vm1", LockLevel.OBJECT, LockInfo.State.HELD, "jvirtd-worker-2",
                        Duration.ofMillis(1240)));
            }

            @Override
            public Duration defaultTimeout() {
                return Duration.ofSeconds(30);
            }

            @Override
            public boolean checking() {
                return true;
            }
        });
        commands.setJobs(new JobRegistry() {
            @Override
            public List<JobInfo> activeJobs() {
                return List.of(new JobInfo("domain", "vm1", "virDomainCreate", "jvirtd-worker-2",
                        Instant.now().minusSeconds(3)));
            }

            @Override
            public Duration jobWaitTimeout() {
                return Duration.ofSeconds(30);
            }
        });
        commands.setDrivers(new DriverRegistry() {
            @Override
            public List<DriverInfo> drivers() {
                return List.of(new DriverInfo("Test", "test", "io.jvirtd.driver.test", 23));
            }

            @Override
            public Optional<Driver> forScheme(String scheme) {
                return Optional.empty();
            }
        });
        commands.addPool(new FakePool());
        return commands;
    }

    @Test
    void locksJobsAndDriversShowTheServicesData() {
        DiagnosticCommands commands = diagnostics();
        assertEquals("domain vm1\tOBJECT\theld\tjvirtd-worker-2\t1.2 s\n", commands.locks(true));
        String jobs = commands.jobs(false);
        assertTrue(jobs.contains("domain  vm1     virDomainCreate  jvirtd-worker-2"), jobs);
        assertTrue(jobs.matches("(?s).*[345]\\.\\d s\\n"), jobs);
        assertEquals("Test\ttest\tio.jvirtd.driver.test\t23\n", commands.drivers(true));
    }

    @Test
    void dumpHasEverySection() {
        String dump = diagnostics().dump();
        for (String section : List.of("== drivers", "== worker pools", "== locks", "== jobs", "== threads")) {
            assertTrue(dump.contains(section), section);
        }
        assertTrue(dump.contains("virDomainCreate"));
        assertTrue(dump.contains("io.jvirtd.driver.test"));
    }

    @Test
    void aMissingServiceIsNamed() {
        DiagnosticCommands commands = new DiagnosticCommands();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> commands.locks(false));
        assertTrue(e.getMessage().contains("no LockFactory service"));
        assertTrue(commands.dump().contains("no JobRegistry service"));
    }
}
