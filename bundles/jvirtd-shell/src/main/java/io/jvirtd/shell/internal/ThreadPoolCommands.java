package io.jvirtd.shell.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.jvirtd.api.dispatch.WorkerPool;
import io.jvirtd.api.error.VirException;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code virt:threadpool}: shows the worker pools of every server and changes their sizes.
 * Registered as {@code Object}: Gogo finds commands by the scope/function properties, the one
 * accepted exception to "no concrete classes as services".
 */
@Component(service = Object.class, property = {"osgi.command.scope=virt", "osgi.command.function=threadpool"})
public final class ThreadPoolCommands {
    private final List<WorkerPool> pools = new CopyOnWriteArrayList<>(); // copy-on-write

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPool(WorkerPool pool) {
        pools.add(pool);
    }

    void removePool(WorkerPool pool) {
        pools.remove(pool);
    }

    @Descriptor("show the worker pools of the servers, or change a pool's sizes (virt-admin srv-threadpool-info/-set)")
    public String threadpool(
            @Descriptor("server whose pool to change") @Parameter(names = {"--server", "-s"}, absentValue = "libvirtd") String server,
            @Descriptor("new minimum of normal workers") @Parameter(names = {"--min"}, absentValue = "-1") int min,
            @Descriptor("new maximum of normal workers") @Parameter(names = {"--max"}, absentValue = "-1") int max,
            @Descriptor("new number of priority workers") @Parameter(names = {"--prio"}, absentValue = "-1") int prio,
            @Descriptor("tab-separated output without header, for scripts")
            @Parameter(names = {"--no-format"}, presentValue = "true", absentValue = "false") boolean noFormat) {
        if (min >= 0 || max >= 0 || prio >= 0) {
            WorkerPool pool = pools.stream().filter(p -> p.name().equals(server)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Server not found: no server named '" + server + "'"));
            try {
                pool.setParameters(min, max, prio);
            } catch (VirException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return Views.show(Views.threadPools(pools), noFormat, "no worker pool");
    }
}
