package io.jvirtd.api.driver;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A hypervisor driver: opens connections for the URIs of its scheme. Registered as a service with
 * the {@value Driver#SCHEME_PROPERTY} property; {@code connect_open} routes to it by the URI's scheme.
 */
@ConsumerType
public interface ConnectDriver extends Driver {

    /**
     * Opens a connection for one client.
     *
     * @throws io.jvirtd.api.error.VirException if the URI is not one this driver serves or the
     *         connection cannot be set up
     */
    DriverConnection open(ConnectRequest request);
}
