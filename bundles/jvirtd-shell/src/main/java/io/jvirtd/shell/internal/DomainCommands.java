package io.jvirtd.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.jvirtd.api.domain.DomainDriver;
import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.driver.ConnectDriver;
import io.jvirtd.api.driver.ConnectRequest;
import io.jvirtd.api.driver.Driver;
import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.driver.DriverRegistry;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code virt:list}, {@code virt:start} and {@code virt:destroy}: virsh's list / start / destroy from
 * the daemon's console. Each call opens its own connection to the driver of the URI's scheme (as a
 * client's connect_open does), runs the driver calls on the shell's thread with no lock held, and
 * closes the connection. Driver refusals keep their {@link VirException} (libvirt's code and message).
 */
// Registered as Object: Gogo finds commands by their scope/function properties, the one accepted
// exception to "no concrete classes registered as services".
@Component(service = Object.class, property = {"osgi.command.scope=virt", "osgi.command.function=list",
        "osgi.command.function=start", "osgi.command.function=destroy"})
public final class DomainCommands {
    /** The URI used when none is given: the embedded default driver's. */
    static final String DEFAULT_URI = "test:///default";
    private static final int LIST_ACTIVE = 1;

    /** Bound and unbound by SCR (optional, dynamic): null while the providing bundle is stopped. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile DriverRegistry registry;

    @Descriptor("list the domains of a connection as virsh list does: running ones, with --all the inactive too")
    public String list(
            @Descriptor("also list inactive domains")
            @Parameter(names = {"--all", "-a"}, presentValue = "true", absentValue = "false") boolean all,
            @Descriptor("tab-separated output without header, for scripts")
            @Parameter(names = {"--no-format"}, presentValue = "true", absentValue = "false") boolean noFormat,
            @Descriptor("the connection URI, e.g. test:///default (the default) or qemu:///system") String uri) {
        return withConnection(uri, true, domains -> {
            List<DomainRow> rows = new ArrayList<>();
            for (DomainRef d : domains.listAll(all ? 0 : LIST_ACTIVE)) {
                rows.add(new DomainRow(d.id(), d.name(), DomainRow.stateName(domains.state(d, 0).state())));
            }
            return Views.domains(rows).render(noFormat);
        });
    }

    @Descriptor("list the running domains of test:///default (virt:list --all URI for others)")
    public String list(
            @Descriptor("also list inactive domains")
            @Parameter(names = {"--all", "-a"}, presentValue = "true", absentValue = "false") boolean all,
            @Descriptor("tab-separated output without header, for scripts")
            @Parameter(names = {"--no-format"}, presentValue = "true", absentValue = "false") boolean noFormat) {
        return list(all, noFormat, DEFAULT_URI);
    }

    @Descriptor("start a defined domain, as virsh start does")
    public String start(@Descriptor("the domain's name") String name,
            @Descriptor("the connection URI, e.g. test:///default (the default) or qemu:///system") String uri) {
        return withConnection(uri, false, domains -> {
            domains.create(domains.lookupByName(name), 0);
            return "Domain '" + name + "' started\n";
        });
    }

    @Descriptor("start a defined domain of test:///default")
    public String start(@Descriptor("the domain's name") String name) {
        return start(name, DEFAULT_URI);
    }

    @Descriptor("stop a domain at once, as virsh destroy does")
    public String destroy(@Descriptor("the domain's name") String name,
            @Descriptor("the connection URI, e.g. test:///default (the default) or qemu:///system") String uri) {
        return withConnection(uri, false, domains -> {
            domains.destroy(domains.lookupByName(name), 0);
            return "Domain '" + name + "' destroyed\n";
        });
    }

    @Descriptor("stop a domain of test:///default at once")
    public String destroy(@Descriptor("the domain's name") String name) {
        return destroy(name, DEFAULT_URI);
    }

    private String withConnection(String uri, boolean readOnly, Function<DomainDriver, String> work) {
        DriverRegistry service = Views.required(registry, DriverRegistry.class, "io.jvirtd.core");
        int colon = uri.indexOf(':');
        String scheme = colon > 0 ? uri.substring(0, colon) : uri;
        Driver driver = service.forScheme(scheme).orElse(null);
        if (!(driver instanceof ConnectDriver connectDriver)) {
            // what connect_open answers for a URI no driver serves
            throw new VirException(VirErrorCode.NO_CONNECT, VirErrorDomain.NONE, uri);
        }
        DriverConnection connection = connectDriver.open(new ConnectRequest(uri, readOnly));
        try {
            return work.apply(connection.domains());
        } finally {
            connection.close();
        }
    }
}
