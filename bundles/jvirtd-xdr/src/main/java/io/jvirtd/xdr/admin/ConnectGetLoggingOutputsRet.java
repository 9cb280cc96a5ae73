package io.jvirtd.xdr.admin;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code admin_connect_get_logging_outputs_ret}: the outputs in libvirt's syntax, and how many. */
public record ConnectGetLoggingOutputsRet(@XdrMax(AdminProgram.STRING_MAX) String outputs,
        @XdrUnsigned int noutputs) {
}
