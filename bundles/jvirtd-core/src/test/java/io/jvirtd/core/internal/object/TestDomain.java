package io.jvirtd.core.internal.object;

import java.util.UUID;

import io.jvirtd.api.object.Keyed;

/** A minimal keyed value for the tests. */
record TestDomain(String name, UUID uuid, int id) implements Keyed {

    static TestDomain inactive(String name) {
        return new TestDomain(name, UUID.nameUUIDFromBytes(name.getBytes()), -1);
    }

    TestDomain withId(int newId) {
        return new TestDomain(name, uuid, newId);
    }
}
