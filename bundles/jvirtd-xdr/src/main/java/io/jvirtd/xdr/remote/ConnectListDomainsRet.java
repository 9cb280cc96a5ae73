package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;

/** {@code remote_connect_list_domains_ret}: the ids of running domains. */
public record ConnectListDomainsRet(@XdrMax(RemoteProgram.DOMAIN_LIST_MAX) List<Integer> ids) {
}
