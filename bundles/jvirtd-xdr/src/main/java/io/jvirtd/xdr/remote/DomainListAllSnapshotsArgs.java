package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_domain_list_all_snapshots_args}: a domain, whether to fill the list, flags. */
public record DomainListAllSnapshotsArgs(RemoteNonnullDomain dom, int needResults, @XdrUnsigned int flags) {
}
