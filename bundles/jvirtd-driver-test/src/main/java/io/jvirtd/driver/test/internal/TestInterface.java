package io.jvirtd.driver.test.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.jvirtd.api.iface.InterfaceRef;
import io.jvirtd.api.object.Keyed;
import io.jvirtd.driver.test.internal.model.InterfaceDefinition;

/** One host interface of a test state. Interfaces have no uuid; the list key is derived from the name. */
record TestInterface(InterfaceDefinition def, boolean active) implements Keyed {

    @Override
    public String name() {
        return def.name();
    }

    @Override
    public UUID uuid() {
        return UUID.nameUUIDFromBytes(("iface:" + def.name()).getBytes(StandardCharsets.UTF_8));
    }

    InterfaceRef ref() {
        return new InterfaceRef(def.name(), def.mac() == null ? "" : def.mac());
    }
}
