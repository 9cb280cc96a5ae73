package io.jvirtd.xdr.remote;

import java.util.UUID;

/** {@code remote_nonnull_network}: a network handle. */
public record RemoteNonnullNetwork(String name, UUID uuid) {
}
