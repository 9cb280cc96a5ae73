/**
 * libvirt's error model: {@link io.jvirtd.api.error.VirErrorCode} (virErrorNumber), {@link io.jvirtd.api.error.VirErrorDomain} (virErrorDomain) and {@link io.jvirtd.api.error.VirException}, which every layer throws and the RPC server turns into a {@code remote_error} reply.
 */
@Export
@Version("1.1.0")
package io.jvirtd.api.error;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
