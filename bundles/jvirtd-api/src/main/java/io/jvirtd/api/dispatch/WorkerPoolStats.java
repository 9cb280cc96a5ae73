package io.jvirtd.api.dispatch;

/**
 * A worker pool's sizes and load, with virt-admin's parameter names.
 *
 * @param minWorkers {@code minWorkers}: normal workers kept even when idle
 * @param maxWorkers {@code maxWorkers}: upper bound of normal workers
 * @param nWorkers {@code nWorkers}: normal workers that exist now
 * @param freeWorkers {@code freeWorkers}: normal workers idle now
 * @param prioWorkers {@code prioWorkers}: priority workers that exist now
 * @param jobQueueDepth {@code jobQueueDepth}: jobs queued and not yet taken
 * @param maxQueuedJobs the queue's bound
 */
public record WorkerPoolStats(int minWorkers, int maxWorkers, int nWorkers, int freeWorkers,
        int prioWorkers, int jobQueueDepth, int maxQueuedJobs) {
}
