package io.jvirtd.xdr.admin;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.remote.RemoteTypedParam;

/** {@code admin_client_get_info_ret}: what is known about a client (readonly, transport identity). */
public record ClientGetInfoRet(@XdrMax(AdminProgram.CLIENT_INFO_PARAMETERS_MAX) List<RemoteTypedParam> params) {
}
