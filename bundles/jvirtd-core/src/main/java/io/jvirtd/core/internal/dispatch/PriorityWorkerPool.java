package io.jvirtd.core.internal.dispatch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.jvirtd.api.dispatch.Priority;
import io.jvirtd.api.dispatch.WorkerPool;
import io.jvirtd.api.dispatch.WorkerPoolStats;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher of seeds 000/001 with libvirt's later priority workers: one FIFO job queue fed by
 * the event loop; normal workers take the head job whatever its priority; priority workers take
 * only the first HIGH job, so a destroy runs while every normal worker is stuck in a slow call.
 * <p>
 * A {@code java.util.concurrent.ThreadPoolExecutor} does not fit: its threads all take from the
 * head of one queue, with no way to let a second set of threads take only HIGH jobs out of the
 * middle of the same FIFO queue; two executors would lose the single FIFO order, and its
 * rejection and growth rules (grow only when the queue is full) are not libvirt's. The queue and the counts are
 * guarded by one self-contained leaf lock ({@link #lock}, not part of the ordered hierarchy: no
 * other lock is ever taken under it, and no job runs under it).
 * <p>
 * Invariants (under {@link #lock}): {@code 0 <= freeWorkers <= nWorkers};
 * {@code 0 <= freePrio <= nPrio}; {@code highQueued} = HIGH jobs in {@code queue};
 * {@code queue.size() <= maxQueuedJobs}; {@code nWorkers = freeWorkers + busy normal workers}
 * ({@code nPrio} likewise); {@code threads} holds every live worker. After a resize settles
 * (running jobs finished), {@code minWorkers <= nWorkers <= maxWorkers} and
 * {@code nPrio == prioWorkers}. A surplus worker exits only when idle, never during a job.
 * A normal worker is added (up to maxWorkers) when a job arrives and idle workers are fewer than
 * queued jobs, i.e. no idle worker is left for it.
 */
@Component(service = WorkerPool.class, configurationPid = WorkerPoolSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = "jvirtd.server=libvirtd", immediate = true)
public final class PriorityWorkerPool implements WorkerPool {
    private static final Logger LOG = LoggerFactory.getLogger(PriorityWorkerPool.class);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);

    private final String name; // immutable
    private final String threadPrefix; // immutable
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition jobQueued = lock.newCondition(); // normal workers wait here
    private final Condition highJobQueued = lock.newCondition(); // priority workers wait here
    private final Condition workerExited = lock.newCondition(); // stop() waits here
    private final ArrayDeque<QueuedJob> queue = new ArrayDeque<>(); // guarded by lock
    private final List<Thread> threads = new ArrayList<>(); // guarded by lock
    private WorkerPoolSettings settings = WorkerPoolSettings.DEFAULTS; // guarded by lock
    private int nWorkers; // guarded by lock
    private int freeWorkers; // guarded by lock
    private int nPrio; // guarded by lock
    private int freePrio; // guarded by lock
    private int highQueued; // guarded by lock
    private int workerSequence; // guarded by lock; numbers jvirtd-worker-N
    private int prioWorkerSequence; // guarded by lock; numbers jvirtd-prio-worker-N
    private boolean running; // guarded by lock

    /** The pool of the {@code libvirtd} server (the DS constructor). */
    public PriorityWorkerPool() {
        this("libvirtd");
    }

    public PriorityWorkerPool(String name) {
        this(name, "jvirtd-");
    }

    /** A pool whose threads are named {@code <threadPrefix>worker-N} and {@code <threadPrefix>prio-worker-N}. */
    public PriorityWorkerPool(String name, String threadPrefix) {
        this.name = name;
        this.threadPrefix = threadPrefix;
    }

    @Activate
    void activate(Map<String, Object> properties) {
        WorkerPoolSettings initial;
        try {
            initial = WorkerPoolSettings.fromConfiguration(properties);
        } catch (RuntimeException e) {
            LOG.error("{}; using the defaults {}", e.getMessage(), WorkerPoolSettings.DEFAULTS);
            initial = WorkerPoolSettings.DEFAULTS;
        }
        start(initial);
    }

    /** Starts the minimum and priority workers. */
    public void start(int minWorkers, int maxWorkers, int prioWorkers, int maxQueuedJobs) {
        start(new WorkerPoolSettings(minWorkers, maxWorkers, prioWorkers, maxQueuedJobs));
    }

    private void start(WorkerPoolSettings initial) {
        lock.lock();
        try {
            if (running) {
                throw new IllegalStateException("worker pool " + name + " already started");
            }
            running = true;
            settings = initial;
            adjustWorkersLocked();
        } finally {
            lock.unlock();
        }
        LOG.info("worker pool {} started: min_workers={} max_workers={} prio_workers={} max_queued_jobs={}",
                name, initial.minWorkers(), initial.maxWorkers(), initial.prioWorkers(), initial.maxQueuedJobs());
    }

    @Modified
    void modified(Map<String, Object> properties) {
        WorkerPoolSettings wanted;
        try {
            wanted = WorkerPoolSettings.fromConfiguration(properties);
        } catch (RuntimeException e) {
            LOG.error("{}; keeping {}", e.getMessage(), currentSettings());
            return;
        }
        apply(wanted);
        LOG.info("worker pool {} reconfigured: {}", name, wanted);
    }

    @Deactivate
    public void stop() {
        List<QueuedJob> dropped;
        lock.lock();
        try {
            if (!running) {
                return;
            }
            running = false;
            dropped = new ArrayList<>(queue);
            queue.clear();
            highQueued = 0;
            jobQueued.signalAll();
            highJobQueued.signalAll();
            long remaining = STOP_DEADLINE.toNanos();
            while (nWorkers + nPrio > 0 && remaining > 0) {
                try {
                    remaining = workerExited.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (nWorkers + nPrio > 0) {
                LOG.error("worker pool {}: {} workers still busy after {} s; leaving them", name,
                        nWorkers + nPrio, STOP_DEADLINE.toSeconds());
            }
        } finally {
            lock.unlock();
        }
        if (!dropped.isEmpty()) {
            LOG.warn("worker pool {} stopped with {} queued jobs not run", name, dropped.size());
        }
        LOG.info("worker pool {} stopped", name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void submit(Priority priority, Runnable job) {
        lock.lock();
        try {
            if (!running) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.NONE,
                        "worker pool " + name + " is not running");
            }
            if (queue.size() >= settings.maxQueuedJobs()) {
                throw new VirException(VirErrorCode.RESOURCE_BUSY, VirErrorDomain.NONE,
                        "the job queue of server " + name + " is full (" + queue.size()
                                + " jobs queued, max_queued_jobs=" + settings.maxQueuedJobs() + ")");
            }
            boolean high = priority == Priority.HIGH;
            queue.addLast(new QueuedJob(job, high));
            if (high) {
                highQueued++;
            }
            if (freeWorkers < queue.size() && nWorkers < settings.maxWorkers()) {
                spawnLocked(false);
            }
            // One wake-up per job: a high-priority job goes to a free priority worker when there is
            // one, any other to a normal worker. Waking both (as libvirt does) made one of them wake
            // for nothing on every call; a worker that takes a job passes the wake-up on while jobs
            // remain (see wakeNextLocked), so a signal that found no waiter is not lost.
            if (high && freePrio > 0) {
                highJobQueued.signal();
            } else {
                jobQueued.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public WorkerPoolStats stats() {
        lock.lock();
        try {
            return new WorkerPoolStats(settings.minWorkers(), settings.maxWorkers(), nWorkers, freeWorkers,
                    nPrio, queue.size(), settings.maxQueuedJobs());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setParameters(int minWorkers, int maxWorkers, int prioWorkers) {
        lock.lock();
        try {
            apply(settings.with(minWorkers, maxWorkers, prioWorkers));
        } finally {
            lock.unlock();
        }
    }

    private WorkerPoolSettings currentSettings() {
        lock.lock();
        try {
            return settings;
        } finally {
            lock.unlock();
        }
    }

    private void apply(WorkerPoolSettings wanted) {
        lock.lock();
        try {
            settings = wanted;
            if (running) {
                adjustWorkersLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Starts workers up to the minimum and the priority count; wakes surplus ones so they exit. */
    private void adjustWorkersLocked() {
        assert lock.isHeldByCurrentThread();
        while (nWorkers < settings.minWorkers()) {
            spawnLocked(false);
        }
        while (nPrio < settings.prioWorkers()) {
            spawnLocked(true);
        }
        // Idle surplus workers wake up, see they are surplus and exit; busy ones do so after their job.
        jobQueued.signalAll();
        highJobQueued.signalAll();
    }

    private void spawnLocked(boolean priority) {
        assert lock.isHeldByCurrentThread();
        int number = priority ? ++prioWorkerSequence : ++workerSequence;
        String threadName = threadPrefix + (priority ? "prio-worker-" : "worker-") + number;
        Thread t = new Thread(priority ? this::priorityWorkerLoop : this::workerLoop, threadName);
        t.setDaemon(true);
        if (priority) {
            nPrio++;
            freePrio++;
        } else {
            nWorkers++;
            freeWorkers++;
        }
        threads.add(t);
        t.start();
    }

    private void workerLoop() {
        lock.lock();
        try {
            while (running && nWorkers <= settings.maxWorkers()) {
                QueuedJob job = queue.pollFirst();
                if (job == null) {
                    jobQueued.awaitUninterruptibly();
                    continue;
                }
                if (job.high()) {
                    highQueued--;
                }
                freeWorkers--;
                wakeNextLocked();
                runUnlocked(job);
                freeWorkers++;
            }
        } finally {
            nWorkers--;
            freeWorkers--;
            threads.remove(Thread.currentThread());
            workerExited.signalAll();
            lock.unlock();
        }
    }

    private void priorityWorkerLoop() {
        lock.lock();
        try {
            while (running && nPrio <= settings.prioWorkers()) {
                QueuedJob job = highQueued > 0 ? takeFirstHighLocked() : null;
                if (job == null) {
                    highJobQueued.awaitUninterruptibly();
                    continue;
                }
                freePrio--;
                wakeNextLocked();
                runUnlocked(job);
                freePrio++;
            }
        } finally {
            nPrio--;
            freePrio--;
            threads.remove(Thread.currentThread());
            workerExited.signalAll();
            lock.unlock();
        }
    }

    /** After a worker took a job: if jobs remain, wakes one more worker to look at them. */
    private void wakeNextLocked() {
        assert lock.isHeldByCurrentThread();
        if (queue.isEmpty()) {
            return;
        }
        if (highQueued > 0 && freePrio > 0) {
            highJobQueued.signal();
        }
        if (freeWorkers > 0) {
            jobQueued.signal();
        }
    }

    private QueuedJob takeFirstHighLocked() {
        assert lock.isHeldByCurrentThread();
        for (Iterator<QueuedJob> it = queue.iterator(); it.hasNext();) {
            QueuedJob job = it.next();
            if (job.high()) {
                it.remove();
                highQueued--;
                return job;
            }
        }
        return null;
    }

    /** Runs a job with the pool lock released; a job that throws is logged and the worker goes on. */
    private void runUnlocked(QueuedJob job) {
        assert lock.isHeldByCurrentThread();
        lock.unlock();
        try {
            job.job().run();
        } catch (Throwable t) {
            LOG.error("job on worker {} failed", Thread.currentThread().getName(), t);
        } finally {
            lock.lock();
        }
    }
}
