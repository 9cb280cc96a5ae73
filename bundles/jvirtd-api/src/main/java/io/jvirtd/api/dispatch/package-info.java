/**
 * The worker pool service that runs RPC calls off the event loop, with priority workers for high-priority calls and a bounded job queue.
 */
@Export
@Version("1.0.0")
package io.jvirtd.api.dispatch;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
