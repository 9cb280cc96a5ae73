/**
 * The REMOTE and KEEPALIVE programs: wire records and the procedure table (number, name, argument and result types, priority, read-only access), each described once.
 */
@Export
@Version("1.0.0")
package io.jvirtd.xdr.remote;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
