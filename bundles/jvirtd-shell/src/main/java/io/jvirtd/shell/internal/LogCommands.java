package io.jvirtd.shell.internal;


import io.jvirtd.api.admin.LoggingControl;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code virt:log}: the daemon's log filters and outputs in libvirt's syntax (virt-admin
 * daemon-log-filters / daemon-log-outputs). Changes last until the daemon stops, as virt-admin's do;
 * {@code etc/io.jvirtd.logging.cfg} is what a restart reads.
 */
// Registered as Object: Gogo finds commands by their scope/function properties, the one accepted
// exception to "no concrete classes registered as services".
@Component(service = Object.class, property = {"osgi.command.scope=virt", "osgi.command.function=log"})
public final class LogCommands {
    private static final String UNCHANGED = "\u0000";

    /** Bound and unbound by SCR (optional, dynamic): null while the providing bundle is stopped. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile LoggingControl logging;

    @Descriptor("show the log filters and outputs; with --filters/--outputs replace them (\"\" restores the defaults)")
    public String log(
            @Descriptor("new filters, e.g. \"1:rpc 3:driver\": loggers matching *rpc* from debug up, *driver* from warning up")
            @Parameter(names = {"--filters", "-f"}, absentValue = UNCHANGED) String filters,
            @Descriptor("new outputs, e.g. \"2:stderr 1:file:/tmp/jvirtd-debug.log\"")
            @Parameter(names = {"--outputs", "-o"}, absentValue = UNCHANGED) String outputs,
            @Descriptor("tab-separated output without header, for scripts")
            @Parameter(names = {"--no-format"}, presentValue = "true", absentValue = "false") boolean noFormat) {
        LoggingControl control = Views.required(logging, LoggingControl.class, "io.jvirtd.logging");
        if (!UNCHANGED.equals(outputs)) {
            control.setOutputs(outputs);
        }
        if (!UNCHANGED.equals(filters)) {
            control.setFilters(filters);
        }
        return new Table("setting", "value").row("filters", control.filters().trim())
                .row("outputs", control.outputs()).render(noFormat);
    }
}
