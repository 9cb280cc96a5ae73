package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_storage_pool_get_info_ret}: virStoragePoolState (an unsigned char, 4 bytes on the wire) and sizes in
 * bytes.
 */
public record StoragePoolGetInfoRet(@XdrUnsigned int state, @XdrUnsigned long capacity, @XdrUnsigned long allocation,
        @XdrUnsigned long available) {
}
