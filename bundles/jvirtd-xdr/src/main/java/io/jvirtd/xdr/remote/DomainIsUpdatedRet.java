package io.jvirtd.xdr.remote;

/** {@code remote_domain_is_updated_ret}: 1 if the persistent definition differs from the running one. */
public record DomainIsUpdatedRet(int updated) {
}
