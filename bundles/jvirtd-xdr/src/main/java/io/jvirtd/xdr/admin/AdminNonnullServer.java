package io.jvirtd.xdr.admin;

import io.jvirtd.xdr.codec.XdrMax;

/** {@code admin_nonnull_server}: a server handle, by name ("libvirtd", "admin"). */
public record AdminNonnullServer(@XdrMax(AdminProgram.STRING_MAX) String name) {
}
