package io.jvirtd.api.domain;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives a driver's domain events: lifecycle changes, and reboots (libvirt's
 * {@code VIR_DOMAIN_EVENT_ID_REBOOT}: the guest was reset and keeps running, which changes no
 * lifecycle state). Drivers call it with no driver lock held, in the order things happened; it must
 * not block (the RPC server only queues a message).
 */
@ConsumerType
@FunctionalInterface
public interface DomainEventListener {
    void lifecycle(DomainEvent event);

    /** The guest was reset (rebooted); a driver without reboots never calls it. */
    default void reboot(DomainRef domain) {
    }
}
