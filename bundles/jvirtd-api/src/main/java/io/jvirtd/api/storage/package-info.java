/**
 * The storage part of the driver SPI: {@link io.jvirtd.api.storage.StorageDriver} (pools and
 * volumes), obtained from {@link io.jvirtd.api.driver.DriverConnection#storage()}.
 */
@Export
@Version("1.0.0")
package io.jvirtd.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
