package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_connect_list_all_domains_ret}: the domains (empty unless need_results) and the number matching. */
public record ConnectListAllDomainsRet(@XdrMax(RemoteProgram.DOMAIN_LIST_MAX) List<RemoteNonnullDomain> domains,
        @XdrUnsigned int ret) {
}
