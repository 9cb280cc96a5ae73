/**
 * The lock hierarchy. {@link io.jvirtd.api.lock.LockLevel} fixes the order (SERVER &lt; CLIENT on the RPC side; DRIVER &lt; OBJECT_LIST &lt; OBJECT &lt; MONITOR on the driver side); {@link io.jvirtd.api.lock.OrderedLock}s are created by the {@link io.jvirtd.api.lock.LockFactory} service, which checks the order per thread.
 */
@Export
@Version("1.0.0")
package io.jvirtd.api.lock;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
