package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrMax;

/** {@code remote_domain_get_emulator_pin_info_ret}: the emulator threads' CPU map; ret is 1 if there is one. */
public record DomainGetEmulatorPinInfoRet(@XdrMax(RemoteProgram.CPUMAPS_MAX) byte[] cpumaps, int ret) {
}
