package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrOptional;
import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_connect_get_domain_capabilities_args}: emulator binary, architecture, machine type and virt type,
 * each optional, and flags.
 */
public record ConnectGetDomainCapabilitiesArgs(@XdrOptional String emulatorbin, @XdrOptional String arch,
        @XdrOptional String machine, @XdrOptional String virttype, @XdrUnsigned int flags) {
}
