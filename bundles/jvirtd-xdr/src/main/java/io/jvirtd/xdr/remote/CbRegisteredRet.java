package io.jvirtd.xdr.remote;

/**
 * {@code remote_connect_domain_event_register_ret}, {@code remote_connect_domain_event_deregister_ret}: a redundant
 * flag libvirt returns so the call has a result.
 */
public record CbRegisteredRet(int cbRegistered) {
}
