package io.jvirtd.rpc.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import io.jvirtd.api.admin.ClientLimitsInfo;
import io.jvirtd.api.admin.ClientSummary;
import io.jvirtd.api.admin.ServerAdmin;
import io.jvirtd.api.driver.ConnectDriver;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

/**
 * The servers' clients and limits, for virt-admin's ADMIN program ({@link AdminDispatcher}) and for
 * the shell (registered as {@link ServerAdmin}). Holds no state of its own: every call reads the
 * servers under their own locks, one server at a time, and never blocks the event loop.
 */
final class ServerAdministration implements ServerAdmin {
    private final Supplier<List<NetServer>> servers; // immutable
    private final BiConsumer<NetServer, Client> disconnect; // immutable: closes on the loop, waits

    ServerAdministration(Supplier<List<NetServer>> servers, BiConsumer<NetServer, Client> disconnect) {
        this.servers = servers;
        this.disconnect = disconnect;
    }

    @Override
    public List<String> servers() {
        return servers.get().stream().map(s -> s.name).toList();
    }

    @Override
    public List<ClientSummary> clients(String server) {
        NetServer srv = server(server);
        return srv.clients().stream().map(c -> summary(srv, c)).toList();
    }

    @Override
    public void closeClient(String server, long clientId) {
        NetServer srv = server(server);
        disconnect.accept(srv, client(srv, clientId));
    }

    @Override
    public ClientLimitsInfo limits(String server) {
        NetServer srv = server(server);
        ClientLimits limits = srv.limits();
        return new ClientLimitsInfo(limits.maxClients(), srv.clients().size(), limits.maxUnauthClients(), 0);
    }

    @Override
    public void setLimits(String server, long maxClients, long maxUnauthClients) {
        server(server).setLimits(maxClients, maxUnauthClients);
    }

    /** The named server, or VIR_ERR_NO_SERVER with libvirt's message. */
    NetServer server(String name) {
        return servers.get().stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> VirException.of(VirErrorCode.NO_SERVER, VirErrorDomain.RPC,
                        "No server named '%s'", name));
    }

    /** The client of a server, or VIR_ERR_NO_CLIENT with libvirt's message. */
    static Client client(NetServer srv, long id) {
        return srv.client(id).orElseThrow(() -> VirException.of(VirErrorCode.NO_CLIENT, VirErrorDomain.RPC,
                "No client with matching ID '%s'", Long.toUnsignedString(id)));
    }

    /** Disconnects a client found by the caller (virt-admin client-disconnect). */
    void disconnect(NetServer srv, Client client) {
        disconnect.accept(srv, client);
    }

    private static ClientSummary summary(NetServer srv, Client c) {
        ConnectDriver driver = c.session.driver();
        String peer = c.peer != null ? c.peer.credentials().toString() : socketAddress(c);
        return new ClientSummary(srv.name, c.id, c.transport, c.connectedAt, c.readOnlySocket || c.session.readOnly(),
                driver == null ? null : driver.name(), peer);
    }

    /** A TCP peer as libvirt formats it: {@code 127.0.0.1;45678}; null if unknown. */
    static String socketAddress(Client c) {
        try {
            SocketAddress a = c.channel.getRemoteAddress();
            if (a instanceof InetSocketAddress inet) {
                return inet.getAddress().getHostAddress() + ";" + inet.getPort();
            }
            return a == null ? null : a.toString();
        } catch (IOException e) {
            return null;
        }
    }
}
