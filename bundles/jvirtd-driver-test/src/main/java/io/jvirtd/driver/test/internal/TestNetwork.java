package io.jvirtd.driver.test.internal;

import java.util.UUID;

import io.jvirtd.api.network.NetworkRef;
import io.jvirtd.api.object.Keyed;
import io.jvirtd.driver.test.internal.model.NetworkDefinition;

/**
 * One virtual network of a test state. Immutable; replaced under the object lock.
 *
 * @param def the definition in force
 * @param pending the persistent definition for the next start while active, or null
 */
record TestNetwork(NetworkDefinition def, NetworkDefinition pending, boolean active, boolean persistent,
        boolean autostart) implements Keyed {

    @Override
    public String name() {
        return def.name();
    }

    @Override
    public UUID uuid() {
        return def.uuid();
    }

    NetworkRef ref() {
        return new NetworkRef(def.name(), def.uuid());
    }

    TestNetwork with(NetworkDefinition d, NetworkDefinition p, boolean a, boolean pers, boolean auto) {
        return new TestNetwork(d, p, a, pers, auto);
    }
}
