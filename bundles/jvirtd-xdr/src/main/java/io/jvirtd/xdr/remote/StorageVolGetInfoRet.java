package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_storage_vol_get_info_ret}, {@code remote_storage_vol_get_info_flags_ret}: virStorageVolType (a char,
 * 4 bytes on the wire) and sizes in bytes.
 */
public record StorageVolGetInfoRet(int type, @XdrUnsigned long capacity, @XdrUnsigned long allocation) {
}
