package io.jvirtd.driver.test.internal;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

/** The test driver's common errors, with libvirt's codes and texts. */
final class Errors {
    private Errors() {
    }

    /** Refuses flags outside {@code allowed}, as libvirt's flag check does. */
    static void checkFlags(String function, int flags, int allowed) {
        int unknown = flags & ~allowed;
        if (unknown != 0) {
            throw unsupportedFlags(function, unknown);
        }
    }

    /** "unsupported flags (0x...) in function X" (VIR_ERR_INVALID_ARG). */
    static VirException unsupportedFlags(String function, int unknown) {
        return VirException.withMessage(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST, String.format(
                "unsupported flags (0x%x) in function %s", unknown, function), function, "flags");
    }
}
