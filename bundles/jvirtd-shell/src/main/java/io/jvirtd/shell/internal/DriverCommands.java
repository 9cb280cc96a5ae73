package io.jvirtd.shell.internal;

import java.util.concurrent.atomic.AtomicReference;

import java.util.Map;
import java.util.stream.Collectors;

import io.jvirtd.api.admin.ClientSummary;
import io.jvirtd.api.admin.ServerAdmin;
import io.jvirtd.api.driver.DriverRegistry;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code virt:drivers}: the drivers bound now, the bundles that registered them and the clients'
 * connections open on each (counted from the RPC server's clients; {@code -} while it is stopped). The registry
 * is optional, so the command stays registered (and says the registry is missing) while the core
 * bundle is stopped or being updated.
 */
// Registered as Object: Gogo finds commands by their scope/function properties, the one accepted
// exception to "no concrete classes registered as services".
@Component(service = Object.class, property = {"osgi.command.scope=virt", "osgi.command.function=drivers"})
public final class DriverCommands {
    private final AtomicReference<DriverRegistry> registry = new AtomicReference<>(); // atomic: bound by SCR
    /** Bound and unbound by SCR (optional, dynamic): null while the RPC bundle is stopped. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ServerAdmin admin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setRegistry(DriverRegistry service) {
        registry.set(service);
    }

    void unsetRegistry(DriverRegistry service) {
        registry.compareAndSet(service, null);
    }

    @Descriptor("list the drivers bound now: name, URI scheme (- for a secondary driver), bundle, open connections")
    public String drivers(@Descriptor("tab-separated output without header, for scripts")
            @Parameter(names = {"--no-format"}, presentValue = "true", absentValue = "false") boolean noFormat) {
        DriverRegistry service = registry.get();
        if (service == null) {
            throw new IllegalStateException(Views.noService(DriverRegistry.class));
        }
        ServerAdmin clients = admin;
        Map<String, Long> connections = clients == null ? null
                : clients.clients(ClientCommands.DEFAULT_SERVER).stream().filter(c -> c.driver() != null)
                        .collect(Collectors.groupingBy(ClientSummary::driver, Collectors.counting()));
        return Views.drivers(service.drivers(), connections).render(noFormat);
    }
}
