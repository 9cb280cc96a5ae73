package io.jvirtd.api.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A domain handle as a client holds it ({@code remote_nonnull_domain}). Drivers look domains up by
 * {@link #uuid()}; the name and id are what the client last saw.
 *
 * @param name the name
 * @param uuid the uuid, the key drivers use
 * @param id the id while running, -1 while inactive
 */
public record DomainRef(String name, UUID uuid, int id) {
    public DomainRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
    }
}
