package io.jvirtd.shell.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;

import io.jvirtd.api.dispatch.WorkerPool;
import io.jvirtd.api.dispatch.WorkerPoolStats;
import io.jvirtd.api.driver.DriverInfo;
import io.jvirtd.api.job.JobInfo;
import io.jvirtd.api.lock.LockInfo;

/** Turns service data into {@link Table}s; shared by the commands and {@code virt:dump}. */
final class Views {
    private Views() {
    }

    static Table threadPools(Collection<WorkerPool> pools) {
        Table t = new Table("server", "minWorkers", "maxWorkers", "nWorkers", "freeWorkers", "prioWorkers",
                "jobQueueDepth");
        for (WorkerPool pool : pools) {
            WorkerPoolStats s = pool.stats();
            t.row(pool.name(), s.minWorkers(), s.maxWorkers(), s.nWorkers(), s.freeWorkers(), s.prioWorkers(),
                    s.jobQueueDepth());
        }
        return t;
    }

    static Table locks(Collection<LockInfo> locks) {
        Table t = new Table("lock", "level", "state", "thread", "age");
        for (LockInfo l : locks) {
            t.row(l.lockName(), l.level(), l.state().name().toLowerCase(Locale.ROOT), l.threadName(), age(l.age()));
        }
        return t;
    }

    static Table jobs(Collection<JobInfo> jobs) {
        Table t = new Table("kind", "object", "api", "thread", "age");
        for (JobInfo j : jobs) {
            t.row(j.objectKind(), j.objectName(), j.api(), j.ownerThread(), age(j.age()));
        }
        return t;
    }

    static Table drivers(Collection<DriverInfo> drivers) {
        Table t = new Table("driver", "scheme", "bundle", "bundle id");
        for (DriverInfo d : drivers) {
            t.row(d.name(), d.scheme(), d.bundleSymbolicName(), d.bundleId());
        }
        return t;
    }

    /** Seconds with one decimal, e.g. "12.3 s". */
    static String age(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    /** A table, or a line saying there is nothing to show. */
    static String show(Table table, boolean noFormat, String whenEmpty) {
        if (table.isEmpty()) {
            return noFormat ? "" : whenEmpty + "\n";
        }
        return table.render(noFormat);
    }
}
