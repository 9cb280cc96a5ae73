package io.jvirtd.xdr.remote;

/**
 * {@code remote_domain_event_callback_reboot_msg}: the body of MESSAGE 319: the registration's
 * callbackID and the domain that was reset.
 */
public record DomainEventCallbackRebootMsg(int callbackID, DomainEventRebootMsg msg) {
}
