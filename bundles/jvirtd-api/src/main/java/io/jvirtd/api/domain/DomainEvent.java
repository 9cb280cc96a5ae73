package io.jvirtd.api.domain;

/**
 * A domain lifecycle event ({@code VIR_DOMAIN_EVENT_ID_LIFECYCLE}): libvirt's event and detail
 * numbers (e.g. STARTED 2 / BOOTED 0, STOPPED 5 / DESTROYED 1).
 *
 * @param domain the domain as it is after the change (id -1 once stopped)
 * @param event the {@code virDomainEventType}
 * @param detail the event's detail number
 */
public record DomainEvent(DomainRef domain, int event, int detail) {
    public static final int DEFINED = 0;
    public static final int UNDEFINED = 1;
    public static final int STARTED = 2;
    public static final int SUSPENDED = 3;
    public static final int RESUMED = 4;
    public static final int STOPPED = 5;
    public static final int SHUTDOWN = 6;
    public static final int PMSUSPENDED = 7;
    public static final int CRASHED = 8;
}
