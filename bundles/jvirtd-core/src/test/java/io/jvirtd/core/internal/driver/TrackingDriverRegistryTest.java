package io.jvirtd.core.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.jvirtd.api.driver.Driver;
import io.jvirtd.api.driver.DriverInfo;

import org.junit.jupiter.api.Test;

class TrackingDriverRegistryTest {

    @Test
    void driversComeAndGoAndAreFoundByScheme() {
        TrackingDriverRegistry registry = new TrackingDriverRegistry();
        Driver test = () -> "Test";
        Driver network = () -> "network";
        registry.bind(test, new DriverInfo("Test", "test", "io.jvirtd.driver.test", 12));
        registry.bind(network, new DriverInfo("network", null, "io.jvirtd.driver.network", 13));
        assertEquals(List.of("Test", "network"), registry.drivers().stream().map(DriverInfo::name).toList());
        assertSame(test, registry.forScheme("test").orElseThrow());
        assertTrue(registry.forScheme("qemu").isEmpty());

        registry.unbind(test);
        assertTrue(registry.forScheme("test").isEmpty());
        assertEquals(List.of("network"), registry.drivers().stream().map(DriverInfo::name).toList());
    }
}
