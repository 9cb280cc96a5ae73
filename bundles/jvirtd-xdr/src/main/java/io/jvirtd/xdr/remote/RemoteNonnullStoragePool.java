package io.jvirtd.xdr.remote;

import java.util.UUID;

/** {@code remote_nonnull_storage_pool}: a storage pool handle. */
public record RemoteNonnullStoragePool(String name, UUID uuid) {
}
