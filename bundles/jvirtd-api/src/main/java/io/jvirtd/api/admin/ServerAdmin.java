package io.jvirtd.api.admin;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The daemon's servers ({@code libvirtd}, {@code admin}) as virt-admin sees them: their clients and
 * client limits. Registered by the RPC server while it runs. Every method may be called from any
 * thread holding no lock; an unknown server is {@code VIR_ERR_NO_SERVER}, an unknown client
 * {@code VIR_ERR_NO_CLIENT}, both in domain RPC with libvirt's messages.
 */
@ProviderType
public interface ServerAdmin {

    /** The server names, in virt-admin's srv-list order. */
    List<String> servers();

    /** The clients of a server connected now, in connect order. */
    List<ClientSummary> clients(String server);

    /**
     * Disconnects a client (virt-admin client-disconnect) and returns once it is gone from
     * {@link #clients}.
     */
    void closeClient(String server, long clientId);

    /** The server's client limits and counts (virt-admin srv-clients-info). */
    ClientLimitsInfo limits(String server);

    /**
     * Changes a server's client limits while it runs (virt-admin srv-clients-set); a negative value
     * keeps that limit. Lowering {@code maxClients} below the clients connected keeps them and makes
     * new connections wait in the listen backlog until enough leave.
     *
     * @throws io.jvirtd.api.error.VirException {@code VIR_ERR_INVALID_ARG} with libvirt's message if
     *         the unauthenticated limit would exceed the overall one; nothing changes then
     */
    void setLimits(String server, long maxClients, long maxUnauthClients);
}
