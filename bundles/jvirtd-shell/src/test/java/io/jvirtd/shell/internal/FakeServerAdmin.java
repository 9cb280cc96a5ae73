package io.jvirtd.shell.internal;

import java.util.ArrayList;
import java.util.List;

import io.jvirtd.api.admin.ClientLimitsInfo;
import io.jvirtd.api.admin.ClientSummary;
import io.jvirtd.api.admin.ServerAdmin;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

/** One server "libvirtd" with a fixed client list; limits and closes are recorded. */
final class FakeServerAdmin implements ServerAdmin {
    final List<ClientSummary> clients = new ArrayList<>();
    int maxClients = 5000;
    int maxUnauth = 20;

    FakeServerAdmin(ClientSummary... clients) {
        this.clients.addAll(List.of(clients));
    }

    @Override
    public List<String> servers() {
        return List.of("libvirtd");
    }

    @Override
    public List<ClientSummary> clients(String server) {
        check(server);
        return List.copyOf(clients);
    }

    @Override
    public void closeClient(String server, long clientId) {
        check(server);
        if (!clients.removeIf(c -> c.id() == clientId)) {
            throw VirException.of(VirErrorCode.NO_CLIENT, VirErrorDomain.RPC, "No client with matching ID '%d'", clientId);
        }
    }

    @Override
    public ClientLimitsInfo limits(String server) {
        check(server);
        return new ClientLimitsInfo(maxClients, clients.size(), maxUnauth, 0);
    }

    @Override
    public void setLimits(String server, long max, long unauth) {
        check(server);
        int newMax = max < 0 ? maxClients : (int) max;
        int newUnauth = unauth < 0 ? maxUnauth : (int) unauth;
        if (newMax < newUnauth) {
            throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.RPC, "unauth above max");
        }
        maxClients = newMax;
        maxUnauth = newUnauth;
    }

    private static void check(String server) {
        if (!"libvirtd".equals(server)) {
            throw VirException.of(VirErrorCode.NO_SERVER, VirErrorDomain.RPC, "No server named '%s'", server);
        }
    }
}
