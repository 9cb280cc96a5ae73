package io.jvirtd.api.admin;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The daemon's log filters and outputs in libvirt's syntax (virt-admin daemon-log-filters /
 * daemon-log-outputs, libvirtd.conf {@code log_filters} / {@code log_outputs}), applied to the
 * logging backend while the daemon runs.
 * <ul>
 * <li>A filter is {@code LEVEL:NAME}: messages of loggers matching NAME are kept from LEVEL up
 * (1 debug, 2 info, 3 warning, 4 error).</li>
 * <li>An output is {@code LEVEL:stderr} or {@code LEVEL:file:PATH}: messages from LEVEL up go
 * there.</li>
 * </ul>
 * Filters and outputs are separated by spaces; an empty string restores the defaults. A refused
 * string changes nothing and throws {@code VIR_ERR_INVALID_ARG} (domain NONE) with libvirt's message.
 */
@ProviderType
public interface LoggingControl {

    /** The filters now, as virt-admin prints them ({@code 3:*remote* 1:*qemu*}), empty if none. */
    String filters();

    /** Replaces every filter. */
    void setFilters(String filters);

    /** The outputs now ({@code 2:stderr 1:file:/var/log/jvirtd.log}). */
    String outputs();

    /** Replaces every output. */
    void setOutputs(String outputs);
}
