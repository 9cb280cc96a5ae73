package io.jvirtd.xdr.admin;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code admin_server_get_threadpool_parameters_args}, {@code admin_server_get_client_limits_args},
 * {@code admin_server_update_tls_files_args}: a server and flags.
 */
public record ServerArgs(AdminNonnullServer srv, @XdrUnsigned int flags) {
}
