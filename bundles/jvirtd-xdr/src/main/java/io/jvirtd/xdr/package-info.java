/**
 * XDR (RFC 4506) primitives as libvirt uses them: big-endian 4-byte units, strings and opaques
 * padded to 4, optional-data flags where any non-zero value means present.
 */
@Export
@Version("1.0.0")
package io.jvirtd.xdr;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
