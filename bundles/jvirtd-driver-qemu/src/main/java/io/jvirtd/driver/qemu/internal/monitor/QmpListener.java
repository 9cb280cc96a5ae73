package io.jvirtd.driver.qemu.internal.monitor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Receives what a QMP monitor reports on its own: events and the end of the connection. Called on
 * the monitor's event executor (never the event loop), one call at a time, in arrival order; the
 * closing call comes last.
 */
public interface QmpListener {
    /**
     * A QMP event.
     *
     * @param name the event name, e.g. {@code STOP}, {@code SHUTDOWN}
     * @param data its {@code data} member (an empty object when it has none)
     */
    void event(String name, JsonNode data);

    /** The connection ended (QEMU exited, or the driver closed it). */
    void closed();
}
