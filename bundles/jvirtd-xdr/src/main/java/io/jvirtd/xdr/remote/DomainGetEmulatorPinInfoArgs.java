package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_domain_get_emulator_pin_info_args}: a domain, maplen bytes, flags. */
public record DomainGetEmulatorPinInfoArgs(RemoteNonnullDomain dom, int maplen, @XdrUnsigned int flags) {
}
