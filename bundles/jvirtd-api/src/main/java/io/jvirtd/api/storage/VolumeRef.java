package io.jvirtd.api.storage;

import java.util.Objects;

/**
 * A storage volume handle ({@code remote_nonnull_storage_vol}).
 *
 * @param pool the pool's name
 * @param name the volume's name
 * @param key the volume's key, unique on the host (the test driver uses its path)
 */
public record VolumeRef(String pool, String name, String key) {
    public VolumeRef {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
    }
}
