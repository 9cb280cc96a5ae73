package io.jvirtd.driver.qemu.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.jvirtd.api.driver.ConnectDriver;
import io.jvirtd.api.driver.ConnectRequest;
import io.jvirtd.api.driver.Driver;
import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.event.EventLoop;
import io.jvirtd.api.lock.LockFactory;
import io.jvirtd.api.object.ObjectListFactory;
import io.jvirtd.driver.qemu.internal.monitor.QmpMonitor;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's QEMU driver as a service: {@code qemu:///system} (and {@code qemu:///session}, the same
 * state) with real {@code qemu-system-x86_64} guests. Activation loads the definitions and
 * reattaches the guests that kept running (after a daemon crash, or an update of this bundle);
 * deactivation only detaches from the monitors: guests keep running, and the next instance picks
 * them up. Configuration PID {@code io.jvirtd.driver.qemu}; a change restarts the component, which
 * is exactly a detach and a reattach.
 */
@Component(service = {ConnectDriver.class, Driver.class}, property = Driver.SCHEME_PROPERTY + "=qemu",
        immediate = true, configurationPid = "io.jvirtd.driver.qemu",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class QemuDriver implements ConnectDriver {
    private static final Logger LOG = LoggerFactory.getLogger(QemuDriver.class);
    private final QemuState state; // immutable
    private final QemuDomains domains; // thread-safe

    @Activate
    public QemuDriver(@Reference LockFactory locks, @Reference ObjectListFactory lists,
            @Reference EventLoop loop, Map<String, Object> config) {
        QemuSettings settings = QemuSettings.from(config);
        this.state = new QemuState(settings, locks, lists, loop, Executors.newCachedThreadPool(
                new EventThreads()));
        GuestLifecycle lifecycle = new GuestLifecycle(state);
        this.domains = new QemuDomains(state, lifecycle);
        new GuestRecovery(state, lifecycle).recover(domains);
        LOG.info("QEMU driver ready: qemu:///system, state in {}, {} domains ({} running)", settings.stateDir(),
                state.domains.size(), state.domains.snapshot().stream().filter(QemuDomain::active).count());
    }

    @Deactivate
    void deactivate() {
        // Calls already running finish first: taking each domain's job waits for the one it runs (the
        // service is gone, so no new call arrives); the wait is bounded by job_wait_timeout.
        for (QemuDomain d : state.domains.snapshot()) {
            state.domains.findByUuid(d.uuid()).ifPresent(h -> {
                try (h) {
                    h.job().beginJob("qemuDriverStop");
                    h.job().endJob();
                } catch (VirException e) {
                    LOG.warn("stopping with a call still running on {}: {}", d.name(), e.getMessage());
                }
            });
        }
        for (QemuDomain d : state.domains.snapshot()) {
            GuestRuntime rt = d.runtime();
            QmpMonitor m = rt == null ? null : rt.monitor();
            if (m != null) {
                m.close(); // detach: QEMU keeps running and the next driver instance reattaches
            }
        }
        state.eventPool.shutdown();
        try {
            state.eventPool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("QEMU driver stopped; its guests keep running");
    }

    @Override
    public String name() {
        return "QEMU";
    }

    @Override
    public DriverConnection open(ConnectRequest request) {
        return new QemuConnection(canonical(request.uri()), state, domains);
    }

    /** {@code qemu:///system} or {@code qemu:///session}; anything else is refused as libvirt refuses it. */
    static String canonical(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.QEMU, "malformed URI " + uri);
        }
        String path = parsed.getPath() == null ? "" : parsed.getPath();
        if (path.equals("/system") || path.equals("/session")) {
            return "qemu://" + path;
        }
        throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.QEMU, String.format(
                "unexpected QEMU URI path '%s', try qemu:///system", path));
    }

    /** Names the threads that run QMP event handlers. */
    private static final class EventThreads implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "jvirtd-qemu-event-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}
