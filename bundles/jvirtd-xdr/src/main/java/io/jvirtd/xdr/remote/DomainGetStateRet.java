package io.jvirtd.xdr.remote;

/** {@code remote_domain_get_state_ret}: virDomainState and its reason. */
public record DomainGetStateRet(int state, int reason) {
}
