package io.jvirtd.shell.internal;

import java.time.Duration;
import java.util.List;

import io.jvirtd.api.job.JobInfo;
import io.jvirtd.api.job.JobRegistry;

/** A job registry holding a fixed list of jobs. Immutable. */
final class FakeJobRegistry implements JobRegistry {
    private final List<JobInfo> jobs; // immutable

    FakeJobRegistry(JobInfo... jobs) {
        this.jobs = List.of(jobs);
    }

    @Override
    public List<JobInfo> activeJobs() {
        return jobs;
    }

    @Override
    public Duration jobWaitTimeout() {
        return Duration.ofSeconds(30);
    }
}
