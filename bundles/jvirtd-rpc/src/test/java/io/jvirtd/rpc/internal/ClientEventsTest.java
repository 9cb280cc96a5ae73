package io.jvirtd.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.jvirtd.api.driver.Subscription;

import org.junit.jupiter.api.Test;

class ClientEventsTest {
    private final AtomicInteger subscribed = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final Supplier<Subscription> subscribe = () -> {
        subscribed.incrementAndGet();
        return closed::incrementAndGet;
    };

    @Test
    void oneDriverSubscriptionServesEveryRegistrationAndEndsWithTheLast() {
        ClientEvents events = new ClientEvents();
        UUID a = UUID.randomUUID();
        int all = events.addCallback(0, null, subscribe);
        int onlyA = events.addCallback(0, a, subscribe);
        assertTrue(events.addLegacy(0, subscribe));
        assertNotEquals(all, onlyA);
        assertEquals(1, subscribed.get());

        assertEquals(2, events.callbacksFor(0, a).size());
        assertEquals(1, events.callbacksFor(0, UUID.randomUUID()).size());
        assertEquals(0, events.callbacksFor(1, a).size());
        assertTrue(events.legacyWants(0));

        assertTrue(events.removeCallback(all));
        assertFalse(events.removeCallback(all), "a callback is removed once");
        assertTrue(events.removeLegacy(0));
        assertEquals(0, closed.get());
        assertTrue(events.removeCallback(onlyA));
        assertEquals(1, closed.get(), "the last registration gone, the driver subscription is closed");
    }

    @Test
    void theOldestApiAndClosingTheConnection() {
        ClientEvents events = new ClientEvents();
        assertTrue(events.setOldApi(true, subscribe));
        assertTrue(events.legacyWants(0));
        assertFalse(events.legacyWants(1), "the oldest API carries lifecycle events only");
        assertFalse(events.addLegacy(0, subscribe) && events.addLegacy(0, subscribe), "one legacy registration per id");
        events.close();
        assertEquals(1, subscribed.get());
        assertEquals(1, closed.get());
        assertFalse(events.legacyWants(0));
    }
}
