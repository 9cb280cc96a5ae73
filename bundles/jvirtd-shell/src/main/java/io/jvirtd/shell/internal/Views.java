package io.jvirtd.shell.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;

import io.jvirtd.api.dispatch.WorkerPool;
import io.jvirtd.api.dispatch.WorkerPoolStats;
import io.jvirtd.api.driver.DriverInfo;
import io.jvirtd.api.job.JobInfo;
import io.jvirtd.api.lock.LockInfo;

/**
 * The {@link Table}s of the {@code virt} scope, built from service data; shared by the commands
 * and {@code virt:dump} so a table looks the same everywhere. Stateless.
 */
final class Views {
    private Views() {
    }

    /** One row per pool, columns named as virt-admin's srv-threadpool-info names them. */
    static Table threadPools(Collection<WorkerPool> pools) {
        Table t = new Table("server", "minWorkers", "maxWorkers", "nWorkers", "freeWorkers", "prioWorkers",
                "jobQueueDepth").whenEmpty("no worker pool");
        for (WorkerPool pool : pools) {
            WorkerPoolStats s = pool.stats();
            t.row(pool.name(), s.minWorkers(), s.maxWorkers(), s.nWorkers(), s.freeWorkers(), s.prioWorkers(),
                    s.jobQueueDepth());
        }
        return t;
    }

    static Table locks(Collection<LockInfo> locks) {
        Table t = new Table("lock", "level", "state", "thread", "age").whenEmpty("no lock held or awaited");
        for (LockInfo l : locks) {
            t.row(l.lockName(), l.level(), l.state().name().toLowerCase(Locale.ROOT), l.threadName(), age(l.age()));
        }
        return t;
    }

    static Table jobs(Collection<JobInfo> jobs) {
        Table t = new Table("kind", "object", "api", "owner thread", "age").whenEmpty("no active job");
        for (JobInfo j : jobs) {
            t.row(j.objectKind(), j.objectName(), j.api(), j.ownerThread(), age(j.age()));
        }
        return t;
    }

    /** A secondary driver has no scheme: shown as {@code -}. */
    static Table drivers(Collection<DriverInfo> drivers) {
        Table t = new Table("driver", "scheme", "bundle", "bundle id").whenEmpty("no driver bound");
        for (DriverInfo d : drivers) {
            t.row(d.name(), d.scheme(), d.bundleSymbolicName(), d.bundleId());
        }
        return t;
    }

    /** Seconds with one decimal, e.g. "12.3 s". */
    static String age(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** What a command says when the service it renders is not registered. */
    static String noService(Class<?> type) {
        return "no " + type.getSimpleName() + " service (is the io.jvirtd.core bundle active?)";
    }
}
