package io.jvirtd.xdr.remote;

/** {@code remote_domain_lookup_by_id_args}: a running domain's id. */
public record DomainLookupByIdArgs(int id) {
}
