/**
 * The driver SPI's entry point. Every driver bundle registers a {@link io.jvirtd.api.driver.Driver}
 * service; hypervisor drivers add the {@value io.jvirtd.api.driver.Driver#SCHEME_PROPERTY} service
 * property, which {@code connect_open} routes by. The {@link io.jvirtd.api.driver.DriverRegistry}
 * tracks drivers as they come and go (hot deployment).
 */
@Export
@Version("1.2.0")
package io.jvirtd.api.driver;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
