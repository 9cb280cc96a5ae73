package io.jvirtd.xdr.remote;

import java.util.UUID;

/** {@code remote_nonnull_domain}: a domain handle; id is -1 while inactive. */
public record RemoteNonnullDomain(String name, UUID uuid, int id) {
}
