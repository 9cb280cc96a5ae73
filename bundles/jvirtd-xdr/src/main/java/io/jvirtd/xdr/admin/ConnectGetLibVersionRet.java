package io.jvirtd.xdr.admin;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code admin_connect_get_lib_version_ret}: the daemon's library version, major * 1000000 + minor * 1000 + micro. */
public record ConnectGetLibVersionRet(@XdrUnsigned long libVer) {
}
