package io.jvirtd.driver.qemu.internal;

import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

/** The QEMU driver's common errors, with libvirt's codes, domains and texts. */
final class Errors {
    private Errors() {
    }

    static VirException noDomain(DomainRef ref) {
        return new VirException(VirErrorCode.NO_DOMAIN, VirErrorDomain.QEMU, String.format(
                "no domain with matching uuid '%s' (%s)", ref.uuid(), ref.name()));
    }

    static VirException notRunning() {
        return new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.DOMAIN, "domain is not running");
    }

    static VirException alreadyRunning() {
        return new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.QEMU, "domain is already running");
    }

    static VirException internal(String detail) {
        return new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.QEMU, detail);
    }

    /** Refuses flags outside {@code allowed}: "unsupported flags (0x...) in function X". */
    static void checkFlags(String function, int flags, int allowed) {
        int unknown = flags & ~allowed;
        if (unknown != 0) {
            throw VirException.withMessage(VirErrorCode.INVALID_ARG, VirErrorDomain.QEMU, String.format(
                    "unsupported flags (0x%x) in function %s", unknown, function), function, "flags");
        }
    }
}
