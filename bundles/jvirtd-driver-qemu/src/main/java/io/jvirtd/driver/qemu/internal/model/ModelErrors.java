package io.jvirtd.driver.qemu.internal.model;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

/** The errors of the domain XML parser, with libvirt's codes. */
public final class ModelErrors {
    private ModelErrors() {
    }

    /** {@code VIR_ERR_CONFIG_UNSUPPORTED} in the QEMU error domain. */
    public static VirException unsupported(String detail) {
        return new VirException(VirErrorCode.CONFIG_UNSUPPORTED, VirErrorDomain.QEMU, detail);
    }

    /** {@code VIR_ERR_XML_ERROR} for a well-formed document with a wrong value (libvirt reports these under DOMAIN). */
    public static VirException xml(String detail) {
        return new VirException(VirErrorCode.XML_ERROR, VirErrorDomain.DOMAIN, detail);
    }

    /** {@code VIR_ERR_INTERNAL_ERROR} for a missing mandatory element, as libvirt's parser words it. */
    public static VirException missing(String detail) {
        return new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.DOMAIN, detail);
    }
}
