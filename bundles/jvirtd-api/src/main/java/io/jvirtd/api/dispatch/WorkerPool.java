package io.jvirtd.api.dispatch;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The dispatcher (seeds 000/001, libvirt's virThreadPool): normal workers, between
 * {@code min_workers} and {@code max_workers}, take jobs of any priority from one FIFO queue and
 * grow with load; {@code prio_workers} priority workers take only {@link Priority#HIGH} jobs, so a
 * destroy still runs while every normal worker is blocked. The queue is bounded: a job that does not
 * fit is rejected with an error, never dropped silently.
 */
@ProviderType
public interface WorkerPool {

    /** The server this pool serves ({@code libvirtd}, {@code admin}). */
    String name();

    /**
     * Queues a job.
     *
     * @throws io.jvirtd.api.error.VirException {@code VIR_ERR_RESOURCE_BUSY} if the queue is full,
     *         {@code VIR_ERR_OPERATION_INVALID} if the pool is stopped; the caller turns it into a reply
     */
    void submit(Priority priority, Runnable job);

    /** Counts as virt-admin names them. */
    WorkerPoolStats stats();

    /**
     * Changes the sizes at run time (virt-admin srv-threadpool-set, {@code virt:threadpool}).
     * A negative value leaves that size unchanged.
     *
     * @throws io.jvirtd.api.error.VirException {@code VIR_ERR_INVALID_ARG} if min &gt; max or max is 0
     *         while priority workers are wanted
     */
    void setParameters(int minWorkers, int maxWorkers, int prioWorkers);
}
