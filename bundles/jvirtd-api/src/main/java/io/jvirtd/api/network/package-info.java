/**
 * The network part of the driver SPI: {@link io.jvirtd.api.network.NetworkDriver}, obtained from
 * {@link io.jvirtd.api.driver.DriverConnection#networks()}.
 */
@Export
@Version("1.0.0")
package io.jvirtd.api.network;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
