package io.jvirtd.shell.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.jvirtd.api.dispatch.WorkerPool;
import io.jvirtd.api.driver.DriverRegistry;
import io.jvirtd.api.job.JobRegistry;
import io.jvirtd.api.lock.LockFactory;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code virt:locks}, {@code virt:jobs} and {@code virt:dump}: what the daemon holds and runs
 * now, and everything a bug report needs in one text. Every service is optional, so the commands
 * stay registered while the core bundle is stopped: {@code locks}/{@code jobs} then fail naming
 * the missing service, and {@code dump} says so in the section and goes on.
 */
// Registered as Object: Gogo finds commands by their scope/function properties, the one accepted
// exception to "no concrete classes registered as services".
@Component(service = Object.class, property = {"osgi.command.scope=virt", "osgi.command.function=locks",
        "osgi.command.function=jobs", "osgi.command.function=dump"})
public final class DiagnosticCommands {
    /** {@code virt:dump} shows the stacks of the threads jvirtd names. */
    static final String THREAD_PREFIX = "jvirtd-";

    private final AtomicReference<LockFactory> locks = new AtomicReference<>(); // atomic: bound by SCR
    private final AtomicReference<JobRegistry> jobs = new AtomicReference<>(); // atomic: bound by SCR
    private final AtomicReference<DriverRegistry> drivers = new AtomicReference<>(); // atomic: bound by SCR
    private final List<WorkerPool> pools = new CopyOnWriteArrayList<>(); // copy-on-write: bound by SCR

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setLocks(LockFactory service) {
        locks.set(service);
    }

    void unsetLocks(LockFactory service) {
        locks.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setJobs(JobRegistry service) {
        jobs.set(service);
    }

    void unsetJobs(JobRegistry service) {
        jobs.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setDrivers(DriverRegistry service) {
        drivers.set(service);
    }

    void unsetDrivers(DriverRegistry service) {
        drivers.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPool(WorkerPool pool) {
        pools.add(pool);
    }

    void removePool(WorkerPool pool) {
        pools.remove(pool);
    }

    @Descriptor("list the ordered locks held or awaited now: lock, level, state, thread, age")
    public String locks(@Descriptor("tab-separated output without header, for scripts")
            @Parameter(names = {"--no-format"}, presentValue = "true", absentValue = "false") boolean noFormat) {
        return Views.locks(require(locks, LockFactory.class).snapshot()).render(noFormat);
    }

    @Descriptor("list the active jobs: object kind and name, API, owner thread, age")
    public String jobs(@Descriptor("tab-separated output without header, for scripts")
            @Parameter(names = {"--no-format"}, presentValue = "true", absentValue = "false") boolean noFormat) {
        return Views.jobs(require(jobs, JobRegistry.class).activeJobs()).render(noFormat);
    }

    @Descriptor("dump drivers, worker pools, locks, jobs and the stacks of the jvirtd-* threads, for a bug report")
    public String dump(@Descriptor("tab-separated tables without header")
            @Parameter(names = {"--no-format"}, presentValue = "true", absentValue = "false") boolean noFormat) {
        StringBuilder out = new StringBuilder();
        section(out, "drivers", render(drivers, DriverRegistry.class, r -> Views.drivers(r.drivers(), null), noFormat));
        section(out, "worker pools", Views.threadPools(pools).render(noFormat));
        section(out, "locks", render(locks, LockFactory.class, f -> Views.locks(f.snapshot()), noFormat));
        section(out, "jobs", render(jobs, JobRegistry.class, r -> Views.jobs(r.activeJobs()), noFormat));
        section(out, "threads", ThreadStacks.render(THREAD_PREFIX));
        return out.toString();
    }

    private static <S> String render(AtomicReference<S> ref, Class<S> type, Function<S, Table> view, boolean noFormat) {
        S service = ref.get(); // read once: it may be unbound at any moment
        return service == null ? Views.noService(type) + "\n" : view.apply(service).render(noFormat);
    }

    private static void section(StringBuilder out, String title, String body) {
        out.append("== ").append(title).append('\n').append(body).append('\n');
    }

    private static <S> S require(AtomicReference<S> ref, Class<S> type) {
        S service = ref.get();
        if (service == null) {
            throw new IllegalStateException(Views.noService(type));
        }
        return service;
    }
}
