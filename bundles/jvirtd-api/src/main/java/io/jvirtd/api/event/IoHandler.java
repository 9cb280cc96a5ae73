package io.jvirtd.api.event;

import org.osgi.annotation.versioning.ConsumerType;

/** Called on the event-loop thread when a registered channel is ready. */
@ConsumerType
@FunctionalInterface
public interface IoHandler {

    /**
     * @param registration the registration that fired
     * @param readyOps the ready {@link java.nio.channels.SelectionKey} operations
     */
    void ready(IoRegistration registration, int readyOps);
}
