package io.jvirtd.xdr.admin;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrOptional;
import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code admin_connect_set_logging_outputs_args} ({@code outputs}),
 * {@code admin_connect_set_logging_filters_args} ({@code filters}): the new setting, absent to reset it.
 */
public record ConnectSetLoggingArgs(@XdrOptional @XdrMax(AdminProgram.STRING_MAX) String value,
        @XdrUnsigned int flags) {
}
