package io.jvirtd.driver.qemu.internal;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.jvirtd.driver.qemu.internal.monitor.QmpListener;

/**
 * The QMP listener of one run of one guest: hands each event, and the monitor's end, to the
 * driver's handlers with the domain's uuid and the run they belong to. Runs on the guest's serial
 * event executor, never on the event loop. Immutable.
 */
final class GuestEvents implements QmpListener {
    private final GuestLifecycle lifecycle; // thread-safe
    private final UUID uuid; // immutable
    private final GuestRuntime runtime; // the run these events belong to

    GuestEvents(GuestLifecycle lifecycle, UUID uuid, GuestRuntime runtime) {
        this.lifecycle = lifecycle;
        this.uuid = uuid;
        this.runtime = runtime;
    }

    @Override
    public void event(String name, JsonNode data) {
        lifecycle.onEvent(uuid, runtime, name, data);
    }

    @Override
    public void closed() {
        lifecycle.onMonitorEnd(uuid, runtime);
    }
}
