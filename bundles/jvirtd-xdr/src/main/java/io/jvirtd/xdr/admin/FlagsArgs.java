package io.jvirtd.xdr.admin;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code admin_connect_open_args}, {@code admin_connect_get_logging_outputs_args},
 * {@code admin_connect_get_logging_filters_args}: flags only.
 */
public record FlagsArgs(@XdrUnsigned int flags) {
}
