package io.jvirtd.api.storage;

import java.util.Objects;
import java.util.UUID;

/** A storage pool handle ({@code remote_nonnull_storage_pool}); drivers look pools up by uuid. */
public record PoolRef(String name, UUID uuid) {
    public PoolRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
    }
}
