/**
 * The ADMIN program (libvirt's admin_protocol.x, served on the admin socket to {@code virt-admin}):
 * numbers and limits, the wire records, and one {@link io.jvirtd.xdr.remote.ProcedureTable} whose
 * descriptors a dispatcher needs. Typed parameters reuse {@link io.jvirtd.xdr.remote.RemoteTypedParam}:
 * {@code admin_typed_param} has the same layout.
 */
@Export
@Version("1.0.0")
package io.jvirtd.xdr.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
