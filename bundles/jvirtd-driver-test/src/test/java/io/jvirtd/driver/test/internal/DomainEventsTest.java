package io.jvirtd.driver.test.internal;

import static io.jvirtd.driver.test.internal.DriverFixture.domainXml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.jvirtd.api.domain.DomainDriver;
import io.jvirtd.api.domain.DomainEvent;
import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.driver.Subscription;
import io.jvirtd.api.error.VirException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lifecycle events: libvirt's (event, detail) sequence per call, delivered with no lock held,
 * seen by every connection of the URI, and stopped by unsubscribing.
 */
@Timeout(20)
class DomainEventsTest {
    private final DriverFixture fx = new DriverFixture();
    private final DriverConnection conn = fx.openDefault();
    private final DomainDriver domains = conn.domains();
    /** "event/detail" as received; filled on the emitting thread. */
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<String> heldLocks = new CopyOnWriteArrayList<>();
    private final Subscription sub = domains.subscribe(this::record);

    private void record(DomainEvent e) {
        if (!fx.locks.heldByCurrentThread().isEmpty()) {
            heldLocks.add(e + " with " + fx.locks.heldByCurrentThread());
        }
        seen.add(e.event() + "/" + e.detail());
    }

    @AfterEach
    void close() {
        sub.close();
        conn.close();
        assertEquals(List.of(), heldLocks, "listeners run with no lock held");
    }

    /** The events received so far, then forgets them. */
    private List<String> drain() {
        List<String> out = List.copyOf(seen);
        seen.clear();
        return out;
    }

    @Test
    void lifecycleEmitsLibvirtsSequence() {
        UUID uuid = UUID.randomUUID();
        DomainRef d = domains.define(domainXml("vm", uuid), 0);
        assertEquals(List.of("0/0"), drain(), "DEFINED/ADDED");
        domains.create(d, 0);
        assertEquals(List.of("2/0"), drain(), "STARTED/BOOTED");
        domains.suspend(d);
        domains.resume(d);
        assertEquals(List.of("3/0", "4/0"), drain(), "SUSPENDED/PAUSED, RESUMED/UNPAUSED");
        domains.reboot(d, 0);
        assertEquals(List.of(), drain(), "a restarting reboot emits nothing");
        domains.define(domainXml("vm", uuid, 16384, ""), 0);
        assertEquals(List.of("0/1"), drain(), "DEFINED/UPDATED over a running persistent domain");
        domains.destroy(d, 0);
        assertEquals(List.of("5/1"), drain(), "STOPPED/DESTROYED");
        domains.create(d, 0);
        domains.shutdown(d, 0);
        assertEquals(List.of("2/0", "5/0"), drain(), "shutdown: STOPPED/SHUTDOWN only");
        domains.define(domainXml("vm", uuid), 0);
        assertEquals(List.of("0/1"), drain(), "DEFINED/UPDATED over an inactive domain");
        domains.undefine(d, 0);
        assertEquals(List.of("1/0"), drain(), "UNDEFINED/REMOVED");
    }

    @Test
    void eventsCarryTheDomainAsItIsAfterTheChange() {
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        try (Subscription s = domains.subscribe(events::add)) {
            DomainRef d = domains.define(domainXml("vm", UUID.randomUUID()), 0);
            domains.create(d, 0);
            domains.destroy(d, 0);
        }
        assertEquals(List.of(-1, 2, -1), events.stream().map(e -> e.domain().id()).toList());
        assertTrue(events.stream().allMatch(e -> e.domain().name().equals("vm")));
    }

    @Test
    void transientDomainsEmitStartedStoppedAndAddedOnDefine() {
        UUID uuid = UUID.randomUUID();
        DomainRef t = domains.createXml(domainXml("tr", uuid), 0);
        assertEquals(List.of("2/0"), drain());
        domains.define(domainXml("tr", uuid), 0);
        assertEquals(List.of("0/0"), drain(), "a running transient domain made persistent is ADDED");
        domains.undefine(t, 0);
        assertEquals(List.of("1/0"), drain());
        domains.destroy(t, 0);
        assertEquals(List.of("5/1"), drain());
    }

    @Test
    void failedCallsEmitNothing() {
        DomainRef d = domains.define(domainXml("vm", UUID.randomUUID()), 0);
        drain();
        assertThrows(VirException.class, () -> domains.suspend(d));
        assertThrows(VirException.class, () -> domains.destroy(d, 0));
        assertThrows(VirException.class, () -> domains.define(domainXml("vm", UUID.randomUUID()), 0));
        assertEquals(List.of(), drain());
    }

    @Test
    void otherConnectionsOfTheUriSeeTheEvents() {
        DriverConnection other = fx.openDefault();
        try {
            other.domains().define(domainXml("vm", UUID.randomUUID()), 0);
        } finally {
            other.close();
        }
        assertEquals(List.of("0/0"), drain());
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        try (Subscription bad = domains.subscribe(e -> {
            throw new IllegalStateException("listener bug");
        })) {
            domains.define(domainXml("vm", UUID.randomUUID()), 0);
        }
        assertEquals(List.of("0/0"), drain());
    }

    @Test
    void unsubscribingStopsDeliveries() {
        sub.close();
        DomainRef d = domains.define(domainXml("vm", UUID.randomUUID()), 0);
        domains.create(d, 0);
        assertEquals(List.of(), drain());
    }
}
