package io.jvirtd.xdr.admin;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrUnsigned;
import io.jvirtd.xdr.remote.RemoteTypedParam;

/**
 * {@code admin_server_set_threadpool_parameters_args}, {@code admin_server_set_client_limits_args}:
 * a server, the parameters to change (both bounds are 32) and flags.
 */
public record ServerSetParametersArgs(AdminNonnullServer srv,
        @XdrMax(AdminProgram.SERVER_THREADPOOL_PARAMETERS_MAX) List<RemoteTypedParam> params,
        @XdrUnsigned int flags) {
}
