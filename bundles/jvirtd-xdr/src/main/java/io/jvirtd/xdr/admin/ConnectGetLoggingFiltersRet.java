package io.jvirtd.xdr.admin;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrOptional;
import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code admin_connect_get_logging_filters_ret}: the filters (absent when none), and how many. */
public record ConnectGetLoggingFiltersRet(@XdrOptional @XdrMax(AdminProgram.STRING_MAX) String filters,
        @XdrUnsigned int nfilters) {
}
