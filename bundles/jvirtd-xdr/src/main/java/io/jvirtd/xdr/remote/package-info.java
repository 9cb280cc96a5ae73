/**
 * The REMOTE and KEEPALIVE programs: numbers and limits, the wire records (connection procedures,
 * object handles, typed parameters, remote_error) and one {@link io.jvirtd.xdr.remote.ProcedureTable}
 * per program, whose {@link io.jvirtd.xdr.remote.ProcedureDescriptor}s (argument and result records,
 * priority, read-only access) are all a dispatcher needs.
 */
@Export
@Version("1.1.0")
package io.jvirtd.xdr.remote;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
