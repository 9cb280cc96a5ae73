package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_storage_vol_delete_args}, {@code remote_storage_vol_get_info_flags_args},
 * {@code remote_storage_vol_get_xml_desc_args}: a storage volume and flags.
 */
public record StorageVolFlagsArgs(RemoteNonnullStorageVol vol, @XdrUnsigned int flags) {
}
