package io.jvirtd.api.job;

import java.time.Duration;
import java.time.Instant;

/**
 * An active job, as {@code virt:jobs} shows it.
 *
 * @param objectKind the kind of object, e.g. {@code "domain"}
 * @param objectName the object's name
 * @param api the API the job runs, e.g. {@code "virDomainCreate"}
 * @param ownerThread the thread that began the job
 * @param since when the job began
 */
public record JobInfo(String objectKind, String objectName, String api, String ownerThread, Instant since) {

    /** How long the job has been held, as of now. */
    public Duration age() {
        return Duration.between(since, Instant.now());
    }
}
