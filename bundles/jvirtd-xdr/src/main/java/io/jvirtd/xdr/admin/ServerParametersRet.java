package io.jvirtd.xdr.admin;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.remote.RemoteTypedParam;

/**
 * {@code admin_server_get_threadpool_parameters_ret}, {@code admin_server_get_client_limits_ret}: a
 * server's parameters (both bounds are 32).
 */
public record ServerParametersRet(
        @XdrMax(AdminProgram.SERVER_THREADPOOL_PARAMETERS_MAX) List<RemoteTypedParam> params) {
}
