package io.jvirtd.shell.internal;


import io.jvirtd.api.admin.ServerAdmin;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code virt:clients} and {@code virt:limits}: the servers' clients and client limits (virt-admin's
 * srv-clients-list, srv-clients-info and srv-clients-set; {@link ClientCloseCommand} is
 * client-disconnect). The RPC server's {@link ServerAdmin} is optional, so the commands stay registered
 * and say it is missing while the RPC bundle is stopped. Refusals keep the service's
 * {@link io.jvirtd.api.error.VirException} (libvirt's code and message).
 */
// Registered as Object: Gogo finds commands by their scope/function properties, the one accepted
// exception to "no concrete classes registered as services".
@Component(service = Object.class, property = {"osgi.command.scope=virt", "osgi.command.function=clients",
        "osgi.command.function=limits"})
public final class ClientCommands {
    static final String DEFAULT_SERVER = "libvirtd";
    private static final String UNCHANGED = "-1";

    /** Bound and unbound by SCR (optional, dynamic): null while the providing bundle is stopped. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ServerAdmin admin;

    @Descriptor("list the clients connected to a server: id, transport, connected since, read-only, driver, peer")
    public String clients(
            @Descriptor("the server: libvirtd (default) or admin")
            @Parameter(names = {"--server", "-s"}, absentValue = DEFAULT_SERVER) String server,
            @Descriptor("tab-separated output without header, for scripts")
            @Parameter(names = {"--no-format"}, presentValue = "true", absentValue = "false") boolean noFormat) {
        return Views.clients(service().clients(server)).render(noFormat);
    }

    @Descriptor("show a server's client limits and counts; with --max-clients/--max-unauth-clients change them")
    public String limits(
            @Descriptor("the server: libvirtd (default) or admin")
            @Parameter(names = {"--server", "-s"}, absentValue = DEFAULT_SERVER) String server,
            @Descriptor("new max_clients (nclients_max): accepting pauses at this many clients; existing ones stay")
            @Parameter(names = {"--max-clients"}, absentValue = UNCHANGED) long maxClients,
            @Descriptor("new max_anonymous_clients (nclients_unauth_max), not above max_clients")
            @Parameter(names = {"--max-unauth-clients"}, absentValue = UNCHANGED) long maxUnauthClients,
            @Descriptor("tab-separated output without header, for scripts")
            @Parameter(names = {"--no-format"}, presentValue = "true", absentValue = "false") boolean noFormat) {
        ServerAdmin service = service();
        if (maxClients < -1 || maxUnauthClients < -1) {
            throw new IllegalArgumentException("--max-clients and --max-unauth-clients must be 0 or more");
        }
        if (maxClients != -1 || maxUnauthClients != -1) {
            service.setLimits(server, maxClients, maxUnauthClients);
        }
        return Views.limits(server, service.limits(server)).render(noFormat);
    }

    private ServerAdmin service() {
        return Views.required(admin, ServerAdmin.class, "io.jvirtd.rpc");
    }
}
