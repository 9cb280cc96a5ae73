package io.jvirtd.core.internal.dispatch;

import java.util.Map;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.config.ConfigValues;

/**
 * A worker pool's sizes, validated: 0 &le; minWorkers &le; maxWorkers &le; 10 000, maxWorkers &ge; 1,
 * 0 &le; prioWorkers &le; 10 000, maxQueuedJobs &ge; 1. Immutable.
 * <p>
 * libvirt accepts {@code max_workers = 0} and then runs calls inline in the event loop; jvirtd never
 * runs a call on the loop (it must not block), so a pool without normal workers would leave NORMAL
 * jobs queued forever, and priority workers alone cannot help: maxWorkers 0 is refused whatever
 * prioWorkers is. Violations are {@code VIR_ERR_INVALID_ARG} in domain NONE, as libvirt's thread
 * pool reports them (its virthreadpool.c reports from VIR_FROM_NONE).
 */
record WorkerPoolSettings(int minWorkers, int maxWorkers, int prioWorkers, int maxQueuedJobs) {

    static final String PID = "io.jvirtd.server";
    /** Upper bound of maxWorkers and prioWorkers: threads are real, so a typo must not start millions. */
    static final int MAX_WORKERS = 10_000;
    static final WorkerPoolSettings DEFAULTS = new WorkerPoolSettings(5, 20, 5, 25_000);

    WorkerPoolSettings {
        if (minWorkers < 0 || maxWorkers < 0 || prioWorkers < 0) {
            throw invalid("worker counts must not be negative (minWorkers=%d, maxWorkers=%d, prioWorkers=%d)",
                    minWorkers, maxWorkers, prioWorkers);
        }
        // libvirt's checks, in its order and words (virt-admin users and scripts know them)
        if (minWorkers > maxWorkers) {
            throw invalid("minWorkers cannot be larger than maxWorkers");
        }
        if (maxWorkers == 0) {
            // libvirt refuses to switch a pool with workers to none; jvirtd's pools always have some
            throw invalid("maxWorkers must not be switched from zero to non-zero and vice versa");
        }
        if (maxWorkers > MAX_WORKERS || prioWorkers > MAX_WORKERS) {
            throw invalid("at most %d workers of each kind are allowed (maxWorkers=%d, prioWorkers=%d)", MAX_WORKERS,
                    maxWorkers, prioWorkers);
        }
        if (maxQueuedJobs < 1) {
            throw invalid("max_queued_jobs must be at least 1 (got %d)", maxQueuedJobs);
        }
    }

    /** These settings with the given sizes replaced; a negative argument keeps the current size. */
    WorkerPoolSettings with(int min, int max, int prio) {
        return new WorkerPoolSettings(min < 0 ? minWorkers : min, max < 0 ? maxWorkers : max,
                prio < 0 ? prioWorkers : prio, maxQueuedJobs);
    }

    /**
     * Settings from the {@value #PID} configuration (libvirtd.conf names), defaults for absent keys.
     *
     * @throws IllegalArgumentException or {@link VirException} for a value that is not acceptable
     */
    static WorkerPoolSettings fromConfiguration(Map<String, ?> properties) {
        ConfigValues values = new ConfigValues(PID, properties);
        return new WorkerPoolSettings(
                values.intValue("min_workers", DEFAULTS.minWorkers, 0, MAX_WORKERS),
                values.intValue("max_workers", DEFAULTS.maxWorkers, 1, MAX_WORKERS),
                values.intValue("prio_workers", DEFAULTS.prioWorkers, 0, MAX_WORKERS),
                values.intValue("max_queued_jobs", DEFAULTS.maxQueuedJobs, 1, 10_000_000));
    }

    private static VirException invalid(String format, Object... args) {
        return VirException.of(VirErrorCode.INVALID_ARG, VirErrorDomain.NONE, format, args);
    }
}
