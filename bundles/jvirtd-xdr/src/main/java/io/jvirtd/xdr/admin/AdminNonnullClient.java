package io.jvirtd.xdr.admin;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code admin_nonnull_client}: a client handle.
 *
 * @param srv the server the client is connected to
 * @param id the client's id, unique within its server
 * @param timestamp the connect time, seconds since the epoch
 * @param transport {@code virClientTransport}: {@link AdminProgram#TRANSPORT_UNIX}, TCP or TLS
 */
public record AdminNonnullClient(AdminNonnullServer srv, @XdrUnsigned long id, long timestamp,
        @XdrUnsigned int transport) {
}
