package io.jvirtd.driver.qemu.internal;

/** libvirt's state reasons and lifecycle event details, by the names libvirt gives them. */
final class Reasons {
    static final int RUNNING_BOOTED = 1;
    static final int RUNNING_UNPAUSED = 5;
    static final int PAUSED_UNKNOWN = 0;
    static final int PAUSED_USER = 1;
    static final int PAUSED_IOERROR = 5;
    static final int PAUSED_WATCHDOG = 6;
    static final int PAUSED_STARTING_UP = 11;
    static final int SHUTDOWN_UNKNOWN = 0;
    static final int SHUTDOWN_USER = 1;
    static final int SHUTOFF_UNKNOWN = 0;
    static final int SHUTOFF_SHUTDOWN = 1;
    static final int SHUTOFF_DESTROYED = 2;
    static final int SHUTOFF_CRASHED = 3;
    static final int SHUTOFF_FAILED = 6;
    static final int SHUTOFF_DAEMON = 8;
    static final int CRASHED_PANICKED = 1;

    static final int EVENT_DEFINED_ADDED = 0;
    static final int EVENT_DEFINED_UPDATED = 1;
    static final int EVENT_UNDEFINED_REMOVED = 0;
    static final int EVENT_STARTED_BOOTED = 0;
    static final int EVENT_SUSPENDED_PAUSED = 0;
    static final int EVENT_SUSPENDED_IOERROR = 2;
    static final int EVENT_SUSPENDED_WATCHDOG = 3;
    static final int EVENT_RESUMED_UNPAUSED = 0;
    static final int EVENT_STOPPED_SHUTDOWN = 0;
    static final int EVENT_STOPPED_DESTROYED = 1;
    static final int EVENT_STOPPED_CRASHED = 2;
    static final int EVENT_STOPPED_FAILED = 5;
    static final int EVENT_SHUTDOWN_FINISHED = 0;
    static final int EVENT_SHUTDOWN_GUEST = 1;
    static final int EVENT_SHUTDOWN_HOST = 2;
    static final int EVENT_CRASHED_PANICKED = 0;

    private Reasons() {
    }
}
