package io.jvirtd.shell.internal;

import java.util.List;
import java.util.Optional;

import io.jvirtd.api.driver.Driver;
import io.jvirtd.api.driver.DriverInfo;
import io.jvirtd.api.driver.DriverRegistry;

/** A driver registry listing fixed driver descriptions and binding no driver. Immutable. */
final class FakeDriverRegistry implements DriverRegistry {
    private final List<DriverInfo> drivers; // immutable

    FakeDriverRegistry(DriverInfo... drivers) {
        this.drivers = List.of(drivers);
    }

    @Override
    public List<DriverInfo> drivers() {
        return drivers;
    }

    @Override
    public Optional<Driver> forScheme(String scheme) {
        return Optional.empty();
    }
}
