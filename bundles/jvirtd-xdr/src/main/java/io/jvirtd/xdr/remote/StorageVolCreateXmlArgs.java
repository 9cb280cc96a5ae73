package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_storage_vol_create_xml_args}: a pool, the volume XML and flags. */
public record StorageVolCreateXmlArgs(RemoteNonnullStoragePool pool, String xml, @XdrUnsigned int flags) {
}
