package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;

/**
 * {@code remote_domain_get_messages_ret}: the domain's messages (tainting, deprecations) that {@code virsh dominfo}
 * prints.
 */
public record DomainGetMessagesRet(@XdrMax(RemoteProgram.DOMAIN_MESSAGES_MAX) List<String> msgs) {
}
