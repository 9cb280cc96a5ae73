package io.jvirtd.core.internal.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.job.JobControl;
import io.jvirtd.api.job.JobInfo;
import io.jvirtd.api.lock.LockCondition;
import io.jvirtd.api.lock.LockFactory;
import io.jvirtd.api.lock.LockLevel;
import io.jvirtd.api.lock.OrderedLock;
import io.jvirtd.core.internal.object.ManagedObject;

/**
 * Seed 004's job model for one object: a job condition on the object lock (at most one job active)
 * and a monitor lock (level MONITOR). The active job is guarded by the object lock; it is also
 * published to the {@link ActiveJobs} registry for {@code virt:jobs}.
 * <p>
 * Invariants (under the object lock): {@code active != null} iff {@code owner != null}; while a job
 * is active the object carries one reference for it and the job is in the registry. Preconditions
 * (object lock held, job owned, no DRIVER or OBJECT_LIST lock for {@link #beginJob}) are checked
 * on every call and broken ones throw {@link IllegalStateException}: they are programming errors.
 */
public final class ObjectJobControl implements JobControl {
    private final ManagedObject<?> object; // immutable
    private final String kind; // immutable
    private final VirErrorDomain errorDomain; // immutable
    private final LockFactory locks; // immutable
    private final ActiveJobs registry; // immutable
    private final Supplier<Duration> waitTimeout; // immutable
    private final LockCondition jobEnded; // immutable; a condition of the object lock
    private final OrderedLock monitor; // immutable
    private volatile JobInfo active; // written under the object lock; volatile for the registry's readers
    private Thread owner; // guarded by the object lock

    /** Creates the job control of each new object. */
    public interface Factory {
        ObjectJobControl create(ManagedObject<?> object, String kind);
    }

    public ObjectJobControl(ManagedObject<?> object, String kind, VirErrorDomain errorDomain, LockFactory locks,
            ActiveJobs registry, Supplier<Duration> waitTimeout) {
        this.object = object;
        this.kind = kind;
        this.errorDomain = errorDomain;
        this.locks = locks;
        this.registry = registry;
        this.waitTimeout = waitTimeout;
        this.jobEnded = object.lock().newCondition();
        this.monitor = locks.create(LockLevel.MONITOR, "monitor of " + object.lock().name());
    }

    @Override
    public void beginJob(String api) {
        requireObjectLock("beginJob");
        requireNotOwner("beginJob", api);
        for (OrderedLock held : locks.heldByCurrentThread()) {
            if (held.level() == LockLevel.DRIVER || held.level() == LockLevel.OBJECT_LIST) {
                throw new IllegalStateException("beginJob(" + api + ") called with " + held.level() + " lock '"
                        + held.name() + "' held: a job wait would stall every thread needing it"
                        + (held.level() == LockLevel.DRIVER ? "; use beginJobWithDriver" : ""));
            }
        }
        object.ref();
        try {
            waitForJobLocked(api);
        } catch (RuntimeException e) {
            object.unref();
            throw e;
        }
        takeJobLocked(api);
    }

    @Override
    public void beginJobWithDriver(OrderedLock driverLock, String api) {
        if (driverLock.level() != LockLevel.DRIVER || !driverLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("beginJobWithDriver(" + api + ") requires a DRIVER-level lock held"
                    + " by the caller; got '" + driverLock.name() + "' (" + driverLock.level() + ")"
                    + (driverLock.isHeldByCurrentThread() ? "" : ", not held"));
        }
        requireObjectLock("beginJobWithDriver");
        requireNotOwner("beginJobWithDriver", api);
        object.ref();
        driverLock.release();
        try {
            waitForJobLocked(api);
        } catch (RuntimeException e) {
            object.unref();
            relockDriverThenObject(driverLock);
            throw e;
        }
        takeJobLocked(api);
        relockDriverThenObject(driverLock);
    }

    @Override
    public void endJob() {
        requireObjectLock("endJob");
        requireOwner("endJob");
        registry.ended(this);
        active = null;
        owner = null;
        jobEnded.signalAll();
        object.unref();
    }

    @Override
    public void enterMonitor() {
        requireObjectLock("enterMonitor");
        requireOwner("enterMonitor");
        monitor.acquire();
        object.lock().release();
    }

    @Override
    public void exitMonitor() {
        if (!monitor.isHeldByCurrentThread()) {
            throw new IllegalStateException("exitMonitor without enterMonitor on " + object.lock().name());
        }
        monitor.release();
        object.lock().acquire();
    }

    @Override
    public Optional<JobInfo> current() {
        return Optional.ofNullable(active);
    }

    private void waitForJobLocked(String api) {
        Duration timeout = waitTimeout.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (active != null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || !jobEnded.await(Duration.ofNanos(remaining))) {
                    if (active != null) {
                        throw timeout(api);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirException(VirErrorCode.OPERATION_ABORTED, errorDomain,
                    "interrupted while waiting for the state change lock of " + kind + " '" + object.value().name() + "'");
        }
    }

    private void takeJobLocked(String api) {
        owner = Thread.currentThread();
        active = new JobInfo(kind, object.value().name(), api, owner.getName(), Instant.now());
        registry.started(this);
    }

    private void relockDriverThenObject(OrderedLock driverLock) {
        object.lock().release();
        driverLock.acquire();
        object.lock().acquire();
    }

    private VirException timeout(String api) {
        JobInfo holder = active;
        String held = holder == null ? "" : String.format(" (held by thread %s, API %s, for %.1f s)",
                holder.ownerThread(), holder.api(), holder.age().toNanos() / 1e9);
        return new VirException(VirErrorCode.OPERATION_TIMEOUT, errorDomain,
                "cannot acquire state change lock" + held + " for " + api + " on " + kind + " '"
                        + object.value().name() + "'");
    }

    private void requireObjectLock(String what) {
        if (!object.lock().isHeldByCurrentThread()) {
            throw new IllegalStateException(what + " requires the lock of " + object.lock().name());
        }
    }

    /** A second beginJob by the job's own owner would wait for itself until the deadline. */
    private void requireNotOwner(String what, String api) {
        if (owner == Thread.currentThread()) {
            throw new IllegalStateException(what + "(" + api + ") by " + owner.getName()
                    + ", which already runs job " + active.api() + " on " + object.lock().name()
                    + ": end it first");
        }
    }

    private void requireOwner(String what) {
        if (owner != Thread.currentThread()) {
            throw new IllegalStateException(what + " by " + Thread.currentThread().getName() + " but the job on "
                    + object.lock().name() + " is " + (owner == null ? "not active" : "owned by " + owner.getName()));
        }
    }
}
