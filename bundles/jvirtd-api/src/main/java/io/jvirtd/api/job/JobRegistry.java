package io.jvirtd.api.job;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Every active job of every driver, for {@code virt:jobs} and diagnostics. */
@ProviderType
public interface JobRegistry {

    /** Jobs active now, oldest first. */
    List<JobInfo> activeJobs();

    /** The deadline of a job wait ({@code job_wait_timeout}). */
    Duration jobWaitTimeout();
}
