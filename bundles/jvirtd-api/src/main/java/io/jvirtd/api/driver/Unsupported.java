package io.jvirtd.api.driver;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

/**
 * The error a driver gives for an API it does not implement: {@code VIR_ERR_NO_SUPPORT}, "this
 * function is not supported by the connection driver: virDomainXxx". The SPI's default methods
 * throw it, so a driver implements only what it supports.
 */
public final class Unsupported {
    private Unsupported() {
    }

    /** The error for the public API {@code api} (e.g. {@code virDomainSuspend}) of an API family. */
    public static VirException api(VirErrorDomain family, String api) {
        return new VirException(VirErrorCode.NO_SUPPORT, family, api);
    }
}
