package io.jvirtd.xdr.remote;

/**
 * {@code remote_domain_event_lifecycle_msg}: a domain lifecycle event: virDomainEventType and its detail; the body
 * of the legacy MESSAGE 107.
 */
public record DomainEventLifecycleMsg(RemoteNonnullDomain dom, int event, int detail) {
}
