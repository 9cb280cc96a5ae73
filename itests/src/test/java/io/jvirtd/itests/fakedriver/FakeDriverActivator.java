package io.jvirtd.itests.fakedriver;

import java.util.Hashtable;

import io.jvirtd.api.driver.ConnectDriver;
import io.jvirtd.api.driver.Driver;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of a driver-like bundle that the tests build at run time (see
 * {@link FakeDriverBundle}): it registers a {@link Driver} named "Fake" for scheme "fake".
 */
public final class FakeDriverActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Driver.SCHEME_PROPERTY, FakeDriverBundle.SCHEME);
        context.registerService(new String[] {Driver.class.getName(), ConnectDriver.class.getName()}, new FakeDriver(),
                properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
