package io.jvirtd.api.job;

import java.util.Optional;

import io.jvirtd.api.lock.OrderedLock;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One object's job condition and monitor lock (seed 004). Only one job runs on an object at a
 * time; every state change and every monitor exchange happens inside a job. All waits have a
 * deadline ({@code job_wait_timeout}, default 30 s).
 */
@ProviderType
public interface JobControl {

    /**
     * BeginJob. The caller holds the object lock and no driver lock. References the object, then
     * waits on the job condition (releasing the object lock while waiting) until no job is active,
     * and marks the job active, owned by the calling thread, running {@code api}.
     *
     * @throws io.jvirtd.api.error.VirException {@code VIR_ERR_OPERATION_TIMEOUT}, naming the
     *         holder thread, the API it runs and how long it has held the job
     */
    void beginJob(String api);

    /**
     * BeginJobWithDriver. The caller holds {@code driverLock} and then the object lock. Releases the
     * driver lock, waits as {@link #beginJob}, then releases the object lock and re-takes the driver
     * lock and the object lock, in that order, to keep the hierarchy.
     */
    void beginJobWithDriver(OrderedLock driverLock, String api);

    /** EndJob. The caller holds the object lock and owns the job. Clears it, signals, drops the reference. */
    void endJob();

    /**
     * EnterMonitor. The caller holds the object lock and owns the job. Takes the monitor lock, then
     * releases the object lock: no object lock is held across monitor I/O.
     */
    void enterMonitor();

    /** ExitMonitor. Releases the monitor lock, then re-takes the object lock. */
    void exitMonitor();

    /** The job active now, if any. */
    Optional<JobInfo> current();
}
