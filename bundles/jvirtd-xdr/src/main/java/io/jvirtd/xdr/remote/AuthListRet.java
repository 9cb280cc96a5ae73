package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;

/** {@code remote_auth_list_ret}: the authentication types the socket accepts (0 = none). */
public record AuthListRet(@XdrMax(RemoteProgram.AUTH_TYPE_LIST_MAX) List<Integer> types) {
}
