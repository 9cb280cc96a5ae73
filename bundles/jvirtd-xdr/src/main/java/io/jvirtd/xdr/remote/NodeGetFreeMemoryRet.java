package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_node_get_free_memory_ret}: free memory in bytes. */
public record NodeGetFreeMemoryRet(@XdrUnsigned long freeMem) {
}
