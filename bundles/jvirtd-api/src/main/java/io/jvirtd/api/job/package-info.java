/**
 * The per-object job model (seed 004): BeginJob / BeginJobWithDriver / EndJob / EnterMonitor / ExitMonitor, with a deadline on every wait.
 */
@Export
@Version("1.0.0")
package io.jvirtd.api.job;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
