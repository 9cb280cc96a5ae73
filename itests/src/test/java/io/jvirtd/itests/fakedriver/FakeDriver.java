package io.jvirtd.itests.fakedriver;

import io.jvirtd.api.driver.ConnectDriver;
import io.jvirtd.api.driver.ConnectRequest;
import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

/**
 * A minimal hypervisor driver for scheme {@code fake}, enough to exercise the RPC server's routing
 * until the real test driver exists. Opens {@code fake:///system} only.
 */
public final class FakeDriver implements ConnectDriver {

    @Override
    public String name() {
        return FakeDriverBundle.NAME;
    }

    @Override
    public DriverConnection open(ConnectRequest request) {
        if (!request.uri().equals("fake:///system")) {
            throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                    "the fake driver serves fake:///system only, not " + request.uri());
        }
        return new FakeConnection(request.uri());
    }
}
