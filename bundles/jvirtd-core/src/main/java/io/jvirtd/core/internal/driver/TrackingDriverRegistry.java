package io.jvirtd.core.internal.driver;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.jvirtd.api.driver.Driver;
import io.jvirtd.api.driver.DriverInfo;
import io.jvirtd.api.driver.DriverRegistry;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds every {@link Driver} service as it comes and unbinds it as it goes (dynamic, multiple), so
 * a driver bundle dropped into or out of the running daemon is seen at once. The scheme comes from
 * the service property {@value Driver#SCHEME_PROPERTY}, the bundle from the service reference.
 * Invariant: {@link #bound} is in binding order and holds each bound service once. The log lines
 * ("driver X bound (scheme S, bundle B [id])", "driver X unbound (bundle B [id])") are matched by
 * the distribution's integration tests: change them together.
 */
@Component(service = DriverRegistry.class, immediate = true)
public final class TrackingDriverRegistry implements DriverRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(TrackingDriverRegistry.class);

    private final List<Bound> bound = new CopyOnWriteArrayList<>(); // copy-on-write

    /** A driver and what the registry shows of it. Immutable. */
    private record Bound(Driver driver, DriverInfo info) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDriver(Driver driver, ServiceReference<Driver> reference) {
        Object scheme = reference.getProperty(Driver.SCHEME_PROPERTY);
        Bundle bundle = reference.getBundle(); // null once the service is unregistered meanwhile
        DriverInfo info = new DriverInfo(driver.name(), scheme == null ? null : scheme.toString(),
                bundle == null ? "(unregistered)" : bundle.getSymbolicName(),
                bundle == null ? -1 : bundle.getBundleId());
        bind(driver, info);
    }

    void unbindDriver(Driver driver) {
        unbind(driver);
    }

    /** Records a bound driver (also used directly by unit tests). */
    public void bind(Driver driver, DriverInfo info) {
        bound.add(new Bound(driver, info));
        LOG.info("driver {} bound (scheme {}, bundle {} [{}])", info.name(),
                info.scheme() == null ? "-" : info.scheme(), info.bundleSymbolicName(), info.bundleId());
    }

    /** Forgets a driver (also used directly by unit tests). */
    public void unbind(Driver driver) {
        for (Bound b : bound) {
            if (b.driver() == driver) {
                bound.remove(b);
                LOG.info("driver {} unbound (bundle {} [{}])", b.info().name(), b.info().bundleSymbolicName(),
                        b.info().bundleId());
            }
        }
    }

    @Override
    public List<DriverInfo> drivers() {
        return bound.stream().map(Bound::info).collect(Collectors.toList());
    }

    @Override
    public Optional<Driver> forScheme(String scheme) {
        return bound.stream().filter(b -> scheme.equals(b.info().scheme())).map(Bound::driver).findFirst();
    }
}
