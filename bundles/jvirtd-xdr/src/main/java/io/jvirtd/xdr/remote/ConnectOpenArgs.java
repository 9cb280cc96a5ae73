package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrOptional;
import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_connect_open_args}: the URI as the client's driver sends it (transport and host stripped), and flags (1 = read-only). */
public record ConnectOpenArgs(@XdrOptional String name, @XdrUnsigned int flags) {
}
