package io.jvirtd.xdr.admin;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code admin_connect_set_daemon_timeout_args}: seconds of idleness after which the daemon exits (0: never). */
public record ConnectSetDaemonTimeoutArgs(@XdrUnsigned int timeout, @XdrUnsigned int flags) {
}
