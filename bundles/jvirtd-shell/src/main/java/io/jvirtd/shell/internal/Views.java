package io.jvirtd.shell.internal;

import java.time.Duration;
import java.util.Collection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import io.jvirtd.api.admin.ClientLimitsInfo;
import io.jvirtd.api.admin.ClientSummary;

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

    /**
     * A secondary driver has no scheme: shown as {@code -}; so are the connections when
     * {@code connections} (driver name to open connections) is null.
     */
    static Table drivers(Collection<DriverInfo> drivers, Map<String, Long> connections) {
        Table t = new Table("driver", "scheme", "bundle", "bundle id", "connections").whenEmpty("no driver bound");
        for (DriverInfo d : drivers) {
            t.row(d.name(), d.scheme(), d.bundleSymbolicName(), d.bundleId(),
                    connections == null ? null : connections.getOrDefault(d.name(), 0L));
        }
        return t;
    }

    /** Seconds with one decimal, e.g. "12.3 s". */
    static String age(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** What a command says when the service it renders is not registered. */
    static String noService(Class<?> type) {
        return noService(type, "io.jvirtd.core");
    }

    static String noService(Class<?> type, String bundle) {
        return "no " + type.getSimpleName() + " service (is the " + bundle + " bundle active?)";
    }

    /** The service, or the command fails saying which bundle should provide it. */
    static <T> T required(T service, Class<T> type, String bundle) {
        if (service == null) {
            throw new IllegalStateException(noService(type, bundle));
        }
        return service;
    }

    /** virt-admin srv-clients-list's columns, plus read-only, the driver opened and the peer. */
    static Table clients(Collection<ClientSummary> clients) {
        Table t = new Table("id", "transport", "connected since", "readonly", "driver", "peer")
                .whenEmpty("no client connected");
        for (ClientSummary c : clients) {
            t.row(Long.toUnsignedString(c.id()), c.transport(), CONNECTED_SINCE.format(Instant.ofEpochSecond(c.connectedAt())),
                    c.readOnly() ? "yes" : "no", c.driver(), c.peer());
        }
        return t;
    }

    /** virt-admin srv-clients-info's names. */
    static Table limits(String server, ClientLimitsInfo l) {
        return new Table("server", "nclients_max", "nclients", "nclients_unauth_max", "nclients_unauth")
                .row(server, l.maxClients(), l.clients(), l.maxUnauthClients(), l.unauthClients());
    }

    /** virsh list's columns; an inactive domain has no id. */
    static Table domains(Collection<DomainRow> domains) {
        Table t = new Table("id", "name", "state").whenEmpty("no domain");
        for (DomainRow d : domains) {
            t.row(d.id() < 0 ? "-" : Integer.toString(d.id()), d.name(), d.state());
        }
        return t;
    }

    /** As virt-admin prints a client's connection time: {@code 2026-11-23 00:27:22+0000}. */
    private static final DateTimeFormatter CONNECTED_SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssZ",
            Locale.ROOT).withZone(ZoneOffset.UTC);
}
