package io.jvirtd.shell.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
 * {@code virt:locks}, {@code virt:jobs}, {@code virt:drivers} and {@code virt:dump}: what the
 * daemon holds, runs and has loaded. The services are optional, so the commands stay available
 * (and say what is missing) while the core bundle is being updated.
 */
@Component(service = Object.class, property = {"osgi.command.scope=virt", "osgi.command.function=locks",
        "osgi.command.function=jobs", "osgi.command.function=drivers", "osgi.command.function=dump"})
public final class DiagnosticCommands {
    private volatile LockFactory locks; // dynamic reference
    private volatile JobRegistry jobs; // dynamic reference
    private volatile DriverRegistry drivers; // dynamic reference
    private final List<WorkerPool> pools = new CopyOnWriteArrayList<>(); // copy-on-write

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setLocks(LockFactory service) {
        locks = service;
    }

    void unsetLocks(LockFactory service) {
        if (locks == service) {
            locks = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setJobs(JobRegistry service) {
        jobs = service;
    }

    void unsetJobs(JobRegistry service) {
        if (jobs == service) {
            jobs = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setDrivers(DriverRegistry service) {
        drivers = service;
    }

    void unsetDrivers(DriverRegistry service) {
        if (drivers == service) {
            drivers = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPool(WorkerPool pool) {
        pools.add(pool);
    }

    void removePool(WorkerPool pool) {
        pools.remove(pool);
    }

    @Descriptor("list the ordered locks held or awaited now, with holder thread and age")
    public String locks(@Descriptor("tab-separated output without header, for scripts")
            @Parameter(names = {"--no-format"}, presentValue = "true", absentValue = "false") boolean noFormat) {
        LockFactory service = require(locks, "LockFactory");
        return Views.show(Views.locks(service.snapshot()), noFormat, "no lock held or awaited");
    }

    @Descriptor("list the active jobs of every object: API, holder thread and age")
    public String jobs(@Descriptor("tab-separated output without header, for scripts")
            @Parameter(names = {"--no-format"}, presentValue = "true", absentValue = "false") boolean noFormat) {
        JobRegistry service = require(jobs, "JobRegistry");
        return Views.show(Views.jobs(service.activeJobs()), noFormat, "no active job");
    }

    @Descriptor("list the loaded drivers and their bundles")
    public String drivers(@Descriptor("tab-separated output without header, for scripts")
            @Parameter(names = {"--no-format"}, presentValue = "true", absentValue = "false") boolean noFormat) {
        DriverRegistry service = require(drivers, "DriverRegistry");
        return Views.show(Views.drivers(service.drivers()), noFormat, "no driver loaded");
    }

    @Descriptor("dump drivers, worker pools, locks, jobs and the stacks of jvirtd's threads, for a bug report")
    public String dump() {
        StringBuilder out = new StringBuilder();
        section(out, "drivers", drivers == null ? "no DriverRegistry service\n"
                : Views.show(Views.drivers(drivers.drivers()), false, "no driver loaded"));
        section(out, "worker pools", Views.show(Views.threadPools(pools), false, "no worker pool"));
        section(out, "locks", locks == null ? "no LockFactory service\n"
                : Views.show(Views.locks(locks.snapshot()), false, "no lock held or awaited"));
        section(out, "jobs", jobs == null ? "no JobRegistry service\n"
                : Views.show(Views.jobs(jobs.activeJobs()), false, "no active job"));
        StringBuilder stacks = new StringBuilder();
        ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
        java.util.Arrays.stream(threads).filter(t -> t.getThreadName().startsWith("jvirtd-"))
                .sorted(Comparator.comparing(ThreadInfo::getThreadName))
                .forEach(t -> {
                    stacks.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
                    if (t.getLockName() != null) {
                        stacks.append(" on ").append(t.getLockName());
                    }
                    stacks.append('\n');
                    for (StackTraceElement e : t.getStackTrace()) {
                        stacks.append("\tat ").append(e).append('\n');
                    }
                    stacks.append('\n');
                });
        section(out, "threads", stacks.length() == 0 ? "no jvirtd thread\n" : stacks.toString());
        return out.toString();
    }

    private static void section(StringBuilder out, String title, String body) {
        out.append("== ").append(title).append('\n').append(body).append('\n');
    }

    private static <T> T require(T service, String name) {
        if (service == null) {
            throw new IllegalStateException("no " + name + " service: is the io.jvirtd.core bundle active?");
        }
        return service;
    }
}
