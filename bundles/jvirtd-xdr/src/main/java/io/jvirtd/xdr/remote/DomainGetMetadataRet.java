package io.jvirtd.xdr.remote;

/** {@code remote_domain_get_metadata_ret}: the metadata text. */
public record DomainGetMetadataRet(String metadata) {
}
