package io.jvirtd.xdr.remote;

/** {@code remote_nonnull_domain_snapshot}: a snapshot handle: its name and its domain. */
public record RemoteNonnullDomainSnapshot(String name, RemoteNonnullDomain dom) {
}
