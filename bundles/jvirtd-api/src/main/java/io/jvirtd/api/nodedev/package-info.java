/**
 * The node-device part of the driver SPI: {@link io.jvirtd.api.nodedev.NodeDeviceDriver},
 * obtained from {@link io.jvirtd.api.driver.DriverConnection#nodeDevices()}.
 */
@Export
@Version("1.0.0")
package io.jvirtd.api.nodedev;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
