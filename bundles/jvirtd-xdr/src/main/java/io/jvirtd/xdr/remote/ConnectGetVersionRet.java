package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_connect_get_version_ret}: the hypervisor's version, major * 1000000 + minor * 1000 + micro. */
public record ConnectGetVersionRet(@XdrUnsigned long hvVer) {
}
