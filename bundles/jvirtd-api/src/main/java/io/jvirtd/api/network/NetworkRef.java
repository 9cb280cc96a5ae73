package io.jvirtd.api.network;

import java.util.Objects;
import java.util.UUID;

/** A network handle ({@code remote_nonnull_network}); drivers look networks up by uuid. */
public record NetworkRef(String name, UUID uuid) {
    public NetworkRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
    }
}
