package io.jvirtd.core.internal.dispatch;

import java.util.Map;

import io.jvirtd.api.config.ConfigValues;
import io.jvirtd.api.dispatch.Priority;
import io.jvirtd.api.dispatch.WorkerPool;
import io.jvirtd.api.dispatch.WorkerPoolStats;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker pool of the {@code admin} server (virt-admin's calls), a {@link PriorityWorkerPool}
 * of its own so an administrator is served while every libvirtd worker is stuck. Sizes from
 * libvirtd.conf's {@code admin_min_workers} (5) and {@code admin_max_workers} (20); like libvirt's
 * admin server it has no priority workers (libvirt has no admin_prio_workers key), though
 * virt-admin may still set some.
 */
@Component(service = WorkerPool.class, configurationPid = WorkerPoolSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = "jvirtd.server=admin", immediate = true)
public final class AdminWorkerPool implements WorkerPool {
    private static final Logger LOG = LoggerFactory.getLogger(AdminWorkerPool.class);
    static final WorkerPoolSettings DEFAULTS = new WorkerPoolSettings(5, 20, 0, WorkerPoolSettings.DEFAULTS.maxQueuedJobs());

    private final PriorityWorkerPool pool = new PriorityWorkerPool("admin", "jvirtd-admin-"); // immutable; thread-safe by itself

    @Activate
    void activate(Map<String, Object> properties) {
        WorkerPoolSettings initial;
        try {
            initial = fromConfiguration(properties);
        } catch (RuntimeException e) {
            LOG.error("{}; using the defaults {}", e.getMessage(), DEFAULTS);
            initial = DEFAULTS;
        }
        pool.start(initial.minWorkers(), initial.maxWorkers(), initial.prioWorkers(), initial.maxQueuedJobs());
    }

    @Modified
    void modified(Map<String, Object> properties) {
        WorkerPoolSettings wanted;
        try {
            wanted = fromConfiguration(properties);
        } catch (RuntimeException e) {
            LOG.error("{}; keeping the admin pool's sizes", e.getMessage());
            return;
        }
        // like the libvirtd pool, a saved configuration re-applies the configured sizes
        pool.setParameters(wanted.minWorkers(), wanted.maxWorkers(), -1);
    }

    @Deactivate
    void deactivate() {
        pool.stop();
    }

    static WorkerPoolSettings fromConfiguration(Map<String, ?> properties) {
        ConfigValues values = new ConfigValues(WorkerPoolSettings.PID, properties);
        return new WorkerPoolSettings(
                values.intValue("admin_min_workers", DEFAULTS.minWorkers(), 0, 10_000),
                values.intValue("admin_max_workers", DEFAULTS.maxWorkers(), 1, 10_000),
                DEFAULTS.prioWorkers(),
                DEFAULTS.maxQueuedJobs());
    }

    @Override
    public String name() {
        return pool.name();
    }

    @Override
    public void submit(Priority priority, Runnable job) {
        pool.submit(priority, job);
    }

    @Override
    public WorkerPoolStats stats() {
        return pool.stats();
    }

    @Override
    public void setParameters(int minWorkers, int maxWorkers, int prioWorkers) {
        pool.setParameters(minWorkers, maxWorkers, prioWorkers);
    }
}
