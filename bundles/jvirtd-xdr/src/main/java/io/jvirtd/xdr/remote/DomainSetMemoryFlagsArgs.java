package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_domain_set_memory_flags_args}: a domain, a memory size in KiB and flags (CONFIG, LIVE, MAXIMUM). */
public record DomainSetMemoryFlagsArgs(RemoteNonnullDomain dom, @XdrUnsigned long memory, @XdrUnsigned int flags) {
}
