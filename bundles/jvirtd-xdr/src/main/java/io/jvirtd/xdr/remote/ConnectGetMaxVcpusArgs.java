package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrOptional;

/** {@code remote_connect_get_max_vcpus_args}: a guest type, or null. */
public record ConnectGetMaxVcpusArgs(@XdrOptional String type) {
}
