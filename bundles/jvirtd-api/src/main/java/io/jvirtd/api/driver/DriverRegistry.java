package io.jvirtd.api.driver;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The drivers bound right now; drivers appear and disappear as their bundles start and stop. */
@ProviderType
public interface DriverRegistry {

    /** Every bound driver, in the order they were bound. */
    List<DriverInfo> drivers();

    /** The hypervisor driver serving {@code scheme}, if one is bound. */
    Optional<Driver> forScheme(String scheme);
}
