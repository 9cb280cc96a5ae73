package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_domain_get_max_memory_ret}: maximum memory in KiB. */
public record DomainGetMaxMemoryRet(@XdrUnsigned long memory) {
}
