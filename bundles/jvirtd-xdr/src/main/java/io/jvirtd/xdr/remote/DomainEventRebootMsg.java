package io.jvirtd.xdr.remote;

/** {@code remote_domain_event_reboot_msg}: the body of MESSAGE 169 (legacy APIs): the domain that was reset. */
public record DomainEventRebootMsg(RemoteNonnullDomain dom) {
}
