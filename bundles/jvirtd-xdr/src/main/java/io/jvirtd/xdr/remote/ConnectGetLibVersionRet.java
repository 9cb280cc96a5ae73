package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_connect_get_lib_version_ret}: the library version in the same encoding. */
public record ConnectGetLibVersionRet(@XdrUnsigned long libVer) {
}
