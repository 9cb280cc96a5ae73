/**
 * Administration of the running daemon, shared by virt-admin's ADMIN program and the {@code virt}
 * shell commands: the servers' clients and client limits, and the daemon's logging settings.
 */
@Export
@Version("1.0.0")
package io.jvirtd.api.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
