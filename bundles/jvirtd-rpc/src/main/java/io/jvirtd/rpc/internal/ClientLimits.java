package io.jvirtd.rpc.internal;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

/**
 * A server's client limits, virt-admin's {@code nclients_max} and {@code nclients_unauth_max}
 * (libvirtd.conf {@code max_clients}, {@code max_anonymous_clients}). Immutable. As in libvirt,
 * the unauthenticated limit may not exceed the overall one, and max 0 is accepted (no new client
 * is accepted until it is raised).
 *
 * @param maxClients accepting pauses at this many clients
 * @param maxUnauthClients clients still authenticating; every socket is AUTH_NONE, so none is
 */
record ClientLimits(int maxClients, int maxUnauthClients) {

    ClientLimits {
        if (maxClients < 0 || maxUnauthClients < 0) {
            throw VirException.of(VirErrorCode.INVALID_ARG, VirErrorDomain.RPC,
                    "client limits must not be negative (nclients_max=%d, nclients_unauth_max=%d)", maxClients,
                    maxUnauthClients);
        }
        if (maxClients < maxUnauthClients) {
            // libvirt's words (virNetServerSetClientLimits), which virt-admin users know
            throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.RPC,
                    "The overall maximum number of clients waiting for authentication must not be less than "
                            + "the overall maximum number of clients");
        }
    }

    /** These limits with the given ones replaced; a negative argument keeps the current one. */
    ClientLimits with(long max, long maxUnauth) {
        return new ClientLimits(max < 0 ? maxClients : bounded("nclients_max", max),
                maxUnauth < 0 ? maxUnauthClients : bounded("nclients_unauth_max", maxUnauth));
    }

    private static int bounded(String name, long value) {
        if (value > Integer.MAX_VALUE) {
            throw VirException.of(VirErrorCode.INVALID_ARG, VirErrorDomain.RPC, "%s %d is too large", name, value);
        }
        return (int) value;
    }
}
