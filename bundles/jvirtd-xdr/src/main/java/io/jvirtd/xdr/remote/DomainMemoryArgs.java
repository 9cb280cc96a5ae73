package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_domain_set_memory_args}, {@code remote_domain_set_max_memory_args}: a domain and a memory size in
 * KiB.
 */
public record DomainMemoryArgs(RemoteNonnullDomain dom, @XdrUnsigned long memory) {
}
