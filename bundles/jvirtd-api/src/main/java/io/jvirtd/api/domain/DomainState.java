package io.jvirtd.api.domain;

/**
 * {@code virDomainState} and its reason ({@code virDomainGetState}): state numbers are libvirt's
 * (NOSTATE 0, RUNNING 1, BLOCKED 2, PAUSED 3, SHUTDOWN 4, SHUTOFF 5, CRASHED 6, PMSUSPENDED 7), the
 * reason's meaning depends on the state (e.g. RUNNING: BOOTED 1, UNPAUSED 3; PAUSED: USER 1;
 * SHUTOFF: SHUTDOWN 1, DESTROYED 2).
 *
 * @param state the state number
 * @param reason the reason number
 */
public record DomainState(int state, int reason) {
    public static final int NOSTATE = 0;
    public static final int RUNNING = 1;
    public static final int BLOCKED = 2;
    public static final int PAUSED = 3;
    public static final int SHUTDOWN = 4;
    public static final int SHUTOFF = 5;
    public static final int CRASHED = 6;
    public static final int PMSUSPENDED = 7;
}
