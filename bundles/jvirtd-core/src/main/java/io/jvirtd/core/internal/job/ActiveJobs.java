package io.jvirtd.core.internal.job;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.jvirtd.api.job.JobInfo;

/** The jobs active in every object list, for {@code virt:jobs}. Thread-safe (a concurrent set). */
public final class ActiveJobs {
    private final Set<ObjectJobControl> active = ConcurrentHashMap.newKeySet();

    public void started(ObjectJobControl job) {
        active.add(job);
    }

    public void ended(ObjectJobControl job) {
        active.remove(job);
    }

    /** Active jobs, oldest first. */
    public List<JobInfo> list() {
        return active.stream().map(ObjectJobControl::current).flatMap(Optional::stream)
                .sorted(Comparator.comparing(JobInfo::since)).collect(Collectors.toList());
    }
}
