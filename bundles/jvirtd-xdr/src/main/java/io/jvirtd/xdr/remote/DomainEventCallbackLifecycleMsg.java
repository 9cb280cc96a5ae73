package io.jvirtd.xdr.remote;

/**
 * {@code remote_domain_event_callback_lifecycle_msg}: the body of MESSAGE 318: the registration's callbackID and the
 * event.
 */
public record DomainEventCallbackLifecycleMsg(int callbackID, DomainEventLifecycleMsg msg) {
}
