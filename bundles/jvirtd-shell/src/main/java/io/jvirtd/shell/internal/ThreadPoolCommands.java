package io.jvirtd.shell.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.jvirtd.api.dispatch.WorkerPool;
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
 * {@code virt:threadpool}: shows the worker pool of every server, or changes one pool's sizes
 * (virt-admin's srv-threadpool-info / srv-threadpool-set). Pools come and go with their servers,
 * so the command is always registered and shows what is bound now. A refused change fails the
 * command with the pool's {@link VirException} unchanged, so Gogo shows libvirt's message and the
 * session keeps the error's code.
 */
// Registered as Object: Gogo finds commands by their scope/function properties, the one accepted
// exception to "no concrete classes registered as services".
@Component(service = Object.class, property = {"osgi.command.scope=virt", "osgi.command.function=threadpool"})
public final class ThreadPoolCommands {
    /** The server whose pool {@code --min/--max/--prio} change when {@code --server} is not given. */
    static final String DEFAULT_SERVER = "libvirtd";
    static final int UNCHANGED = -1;

    private final List<WorkerPool> pools = new CopyOnWriteArrayList<>(); // copy-on-write: bound by SCR, read by commands

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPool(WorkerPool pool) {
        pools.add(pool);
    }

    void removePool(WorkerPool pool) {
        pools.remove(pool);
    }

    @Descriptor("show the worker pool of every server; with --min/--max/--prio change a pool's sizes and show it")
    public String threadpool(
            @Descriptor("server whose pool to show or change (changes default to libvirtd)")
            @Parameter(names = {"--server", "-s"}, absentValue = "") String server,
            @Descriptor("new min_workers: normal workers kept when idle")
            @Parameter(names = {"--min"}, absentValue = "-1") int min,
            @Descriptor("new max_workers: upper bound of normal workers")
            @Parameter(names = {"--max"}, absentValue = "-1") int max,
            @Descriptor("new prio_workers: workers that take only high-priority calls")
            @Parameter(names = {"--prio"}, absentValue = "-1") int prio,
            @Descriptor("tab-separated output without header, for scripts")
            @Parameter(names = {"--no-format"}, presentValue = "true", absentValue = "false") boolean noFormat) {
        checkSize("--min", min);
        checkSize("--max", max);
        checkSize("--prio", prio);
        boolean change = min != UNCHANGED || max != UNCHANGED || prio != UNCHANGED;
        boolean named = server != null && !server.isEmpty();
        if (!change && !named) {
            return Views.threadPools(pools).render(noFormat);
        }
        WorkerPool pool = find(named ? server : DEFAULT_SERVER);
        if (change) {
            pool.setParameters(min, max, prio);
        }
        return Views.threadPools(List.of(pool)).render(noFormat);
    }

    private WorkerPool find(String server) {
        return pools.stream().filter(p -> p.name().equals(server)).findFirst()
                .orElseThrow(() -> VirException.of(VirErrorCode.NO_SERVER, VirErrorDomain.RPC,
                        "No server named '%s'", server));
    }

    private static void checkSize(String option, int value) {
        if (value < UNCHANGED) {
            throw VirException.of(VirErrorCode.INVALID_ARG, VirErrorDomain.ADMIN,
                    "%s must be 0 or more, not %d", option, value);
        }
    }
}
