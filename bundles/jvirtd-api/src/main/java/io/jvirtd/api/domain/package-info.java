/**
 * The domain part of the driver SPI: {@link io.jvirtd.api.domain.DomainDriver} and the values it
 * exchanges (handles, info, state, lifecycle events). Obtained from
 * {@link io.jvirtd.api.driver.DriverConnection#domains()}; a QEMU driver's also implements
 * {@link io.jvirtd.api.domain.QemuMonitorDriver}.
 */
@Export
@Version("1.2.0")
package io.jvirtd.api.domain;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
