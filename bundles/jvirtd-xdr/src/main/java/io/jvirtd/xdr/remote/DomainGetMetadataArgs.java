package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrOptional;
import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_domain_get_metadata_args}: a domain, the metadata type (0 description, 1 title, 2 element), the
 * element's namespace URI (type 2 only) and flags.
 */
public record DomainGetMetadataArgs(RemoteNonnullDomain dom, int type, @XdrOptional String uri,
        @XdrUnsigned int flags) {
}
