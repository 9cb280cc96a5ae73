package io.jvirtd.core.internal.dispatch;

import java.util.Map;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.core.internal.config.ConfigValues;

/**
 * A worker pool's sizes, validated: 0 &le; minWorkers &le; maxWorkers, maxWorkers &ge; 1,
 * prioWorkers &ge; 0, maxQueuedJobs &ge; 1. Immutable.
 */
record WorkerPoolSettings(int minWorkers, int maxWorkers, int prioWorkers, int maxQueuedJobs) {

    static final String PID = "io.jvirtd.server";
    static final WorkerPoolSettings DEFAULTS = new WorkerPoolSettings(5, 20, 5, 25_000);

    WorkerPoolSettings {
        if (minWorkers < 0 || prioWorkers < 0) {
            throw invalid("worker counts must not be negative");
        }
        if (maxWorkers < 1) {
            throw invalid("maxWorkers must be at least 1");
        }
        if (minWorkers > maxWorkers) {
            throw invalid("minWorkers cannot be larger than maxWorkers");
        }
        if (maxQueuedJobs < 1) {
            throw invalid("max_queued_jobs must be at least 1");
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
                values.intValue("min_workers", DEFAULTS.minWorkers, 0, 10_000),
                values.intValue("max_workers", DEFAULTS.maxWorkers, 1, 10_000),
                values.intValue("prio_workers", DEFAULTS.prioWorkers, 0, 10_000),
                values.intValue("max_queued_jobs", DEFAULTS.maxQueuedJobs, 1, 10_000_000));
    }

    private static VirException invalid(String detail) {
        return new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.NONE, detail);
    }
}
