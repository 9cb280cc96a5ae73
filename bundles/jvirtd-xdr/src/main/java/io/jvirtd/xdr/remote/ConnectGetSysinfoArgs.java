package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_connect_get_sysinfo_args}. */
public record ConnectGetSysinfoArgs(@XdrUnsigned int flags) {
}
