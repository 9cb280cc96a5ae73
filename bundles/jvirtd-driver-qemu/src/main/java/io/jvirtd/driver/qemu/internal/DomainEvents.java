package io.jvirtd.driver.qemu.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.jvirtd.api.domain.DomainEvent;
import io.jvirtd.api.domain.DomainEventListener;
import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.driver.Subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's lifecycle-event subscribers. Emitted after the change, with no driver-side lock
 * held; a failing listener is logged and the others still get the event. Thread-safe.
 */
final class DomainEvents {
    private static final Logger LOG = LoggerFactory.getLogger(DomainEvents.class);
    private final List<DomainEventListener> listeners = new CopyOnWriteArrayList<>();

    Subscription subscribe(DomainEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** A reset guest (libvirt's REBOOT event), after every lock is released. */
    void emitReboot(DomainRef domain) {
        for (DomainEventListener l : listeners) {
            try {
                l.reboot(domain);
            } catch (RuntimeException e) {
                LOG.warn("a domain event listener failed on the reboot of {}", domain.name(), e);
            }
        }
    }

    void emit(DomainEvent event) {
        if (event == null) {
            return;
        }
        for (DomainEventListener l : listeners) {
            try {
                l.lifecycle(event);
            } catch (RuntimeException e) {
                LOG.warn("a domain event listener failed on {}", event, e);
            }
        }
    }
}
