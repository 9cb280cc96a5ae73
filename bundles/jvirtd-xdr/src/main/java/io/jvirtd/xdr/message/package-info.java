/**
 * libvirt's RPC message framing: the length word, the 24-byte header, message types and statuses, and a decoder that cuts a byte stream into frames within a size limit.
 */
@Export
@Version("1.0.0")
package io.jvirtd.xdr.message;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
