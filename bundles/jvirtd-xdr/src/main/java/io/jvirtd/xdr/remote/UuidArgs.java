package io.jvirtd.xdr.remote;

import java.util.UUID;

/**
 * {@code remote_domain_lookup_by_uuid_args}, {@code remote_network_lookup_by_uuid_args},
 * {@code remote_storage_pool_lookup_by_uuid_args}: a UUID to look up.
 */
public record UuidArgs(UUID uuid) {
}
