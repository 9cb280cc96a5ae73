package io.jvirtd.driver.test.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.jvirtd.api.object.Keyed;
import io.jvirtd.driver.test.internal.model.NodeDeviceDefinition;

/** One node device of a test state. Devices have no uuid; the list key is derived from the name. */
record TestNodeDevice(NodeDeviceDefinition def) implements Keyed {

    @Override
    public String name() {
        return def.name();
    }

    @Override
    public UUID uuid() {
        return UUID.nameUUIDFromBytes(("nodedev:" + def.name()).getBytes(StandardCharsets.UTF_8));
    }
}
