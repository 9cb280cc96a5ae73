package io.jvirtd.core.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jvirtd.api.driver.Driver;
import io.jvirtd.api.driver.DriverInfo;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

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

    /** A service reference as the framework would pass it: properties and the registering bundle. */
    @SuppressWarnings("unchecked")
    private static ServiceReference<Driver> reference(String scheme, String bsn, long bundleId) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> bsn;
                    case "getBundleId" -> bundleId;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Map<String, Object> properties = new HashMap<>();
        if (scheme != null) {
            properties.put(Driver.SCHEME_PROPERTY, scheme);
        }
        return (ServiceReference<Driver>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getBundle" -> bundle;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theComponentsBindMethodsReadSchemeAndBundleFromTheServiceReference() {
        TrackingDriverRegistry registry = new TrackingDriverRegistry();
        Driver qemu = () -> "QEMU";
        Driver storage = () -> "storage";
        registry.bindDriver(qemu, reference("qemu", "io.jvirtd.driver.qemu", 21));
        registry.bindDriver(storage, reference(null, "io.jvirtd.driver.storage", 22));
        assertEquals(List.of(new DriverInfo("QEMU", "qemu", "io.jvirtd.driver.qemu", 21),
                new DriverInfo("storage", null, "io.jvirtd.driver.storage", 22)), registry.drivers());
        assertSame(qemu, registry.forScheme("qemu").orElseThrow());

        registry.unbindDriver(qemu);
        assertTrue(registry.forScheme("qemu").isEmpty());
        registry.unbindDriver(qemu); // a second unbind of the same service changes nothing
        assertEquals(List.of("storage"), registry.drivers().stream().map(DriverInfo::name).toList());
        registry.unbindDriver(storage);
        assertTrue(registry.drivers().isEmpty());
    }
}
