package io.jvirtd.api.domain;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives a driver's domain lifecycle events. Drivers call it with no driver lock held, in the
 * order the changes happened; it must not block (the RPC server only queues a message).
 */
@ConsumerType
@FunctionalInterface
public interface DomainEventListener {
    void lifecycle(DomainEvent event);
}
