package io.jvirtd.core.internal.object;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.job.JobInfo;
import io.jvirtd.api.job.JobRegistry;
import io.jvirtd.api.lock.LockFactory;
import io.jvirtd.api.object.Keyed;
import io.jvirtd.api.object.ObjectList;
import io.jvirtd.api.object.ObjectListFactory;
import io.jvirtd.api.config.ConfigValues;
import io.jvirtd.core.internal.job.ActiveJobs;
import io.jvirtd.core.internal.job.ObjectJobControl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The object model service: creates drivers' object lists, whose objects carry an ordered lock
 * and a job control, and reports every active job. Configuration PID {@value #PID}:
 * {@code job_wait_timeout} (seconds a BeginJob waits for another job to end, default 30), live.
 */
@Component(service = {ObjectListFactory.class, JobRegistry.class}, configurationPid = ObjectModel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public final class ObjectModel implements ObjectListFactory, JobRegistry {
    static final String PID = "io.jvirtd.core";
    private static final Logger LOG = LoggerFactory.getLogger(ObjectModel.class);
    private static final int DEFAULT_JOB_WAIT_S = 30;

    private final LockFactory locks; // immutable
    private final ActiveJobs activeJobs = new ActiveJobs();
    /** Volatile: replaced live by configuration, read by every job wait. */
    private volatile Duration jobWaitTimeout = Duration.ofSeconds(DEFAULT_JOB_WAIT_S);

    @Activate
    public ObjectModel(@Reference LockFactory locks, Map<String, Object> properties) {
        this.locks = locks;
        configure(properties);
    }

    /** An object model for tests, with an explicit job wait deadline. */
    public ObjectModel(LockFactory locks, Duration jobWaitTimeout) {
        this.locks = locks;
        this.jobWaitTimeout = jobWaitTimeout;
    }

    @Modified
    void configure(Map<String, Object> properties) {
        try {
            int seconds = new ConfigValues(PID, properties).intValue("job_wait_timeout", DEFAULT_JOB_WAIT_S, 1, 86_400);
            jobWaitTimeout = Duration.ofSeconds(seconds);
            LOG.info("job model: job_wait_timeout={} s", seconds);
        } catch (IllegalArgumentException e) {
            LOG.error("{}; keeping job_wait_timeout={} s", e.getMessage(), jobWaitTimeout.toSeconds());
        }
    }

    @Override
    public <T extends Keyed> ObjectList<T> create(String kind, VirErrorDomain errorDomain) {
        ObjectJobControl.Factory jobs = (object, k) ->
                new ObjectJobControl(object, k, errorDomain, locks, activeJobs, () -> jobWaitTimeout);
        return new IndexedObjectList<>(kind, errorDomain, locks, jobs);
    }

    @Override
    public List<JobInfo> activeJobs() {
        return activeJobs.list();
    }

    @Override
    public Duration jobWaitTimeout() {
        return jobWaitTimeout;
    }
}
