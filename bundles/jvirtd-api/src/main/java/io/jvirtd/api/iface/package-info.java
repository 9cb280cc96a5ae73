/**
 * The host-interface part of the driver SPI: {@link io.jvirtd.api.iface.InterfaceDriver}, obtained
 * from {@link io.jvirtd.api.driver.DriverConnection#interfaces()}.
 */
@Export
@Version("1.0.0")
package io.jvirtd.api.iface;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
