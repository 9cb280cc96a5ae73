package io.jvirtd.driver.qemu.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.jvirtd.api.domain.DomainState;
import io.jvirtd.api.lock.LockGuard;
import io.jvirtd.api.object.ObjectHandle;
import io.jvirtd.driver.qemu.internal.model.DomainDef;
import io.jvirtd.driver.qemu.internal.model.DomainXmlParser;
import io.jvirtd.driver.qemu.internal.model.RunStatus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a starting driver instance does before it serves anyone: loads every persistent definition
 * from {@code config/}, reattaches every guest of {@code run/} whose QEMU still runs and whose
 * monitor answers (state re-read with {@code query-status}), marks the others shut off (reason
 * UNKNOWN when QEMU died meanwhile, FAILED when it lives but its monitor does not answer, in which
 * case it is killed), and then starts the autostart domains that are not running. Runs on the
 * activating thread; each reattach is a job on its domain.
 */
final class GuestRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(GuestRecovery.class);
    /** How long a reattached monitor may take to greet and answer: activation waits for it. */
    private static final Duration RECONNECT_TIMEOUT = Duration.ofSeconds(5);
    private final QemuState state; // immutable
    private final GuestLifecycle lifecycle; // immutable

    GuestRecovery(QemuState state, GuestLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    void recover(QemuDomains domains) {
        Map<String, DomainDef> configs = new HashMap<>();
        for (Path f : state.files.configFiles()) {
            try {
                DomainDef def = DomainXmlParser.parse(StateFiles.read(f));
                configs.put(def.name(), def);
            } catch (RuntimeException e) {
                LOG.error("cannot load the definition {}; it is left on disk and not served: {}", f, e.getMessage());
            }
        }
        List<RunStatus> running = new ArrayList<>();
        for (Path f : state.files.statusFiles()) {
            try {
                running.add(DomainXmlParser.parseStatus(StateFiles.read(f)));
            } catch (RuntimeException e) {
                LOG.error("cannot read the status file {}; it is removed: {}", f, e.getMessage());
                StateFiles.delete(f);
            }
        }
        int maxId = 0;
        for (RunStatus s : running) {
            maxId = Math.max(maxId, s.id());
        }
        state.nextId.set(maxId + 1);
        for (RunStatus s : running) {
            reattach(s, s.persistent() ? configs.remove(s.live().name()) : null);
        }
        for (DomainDef def : configs.values()) {
            add(QemuDomain.defined(def, state.files.autostart(def.name())));
        }
        for (QemuDomain d : state.domains.snapshot()) {
            if (d.persistent() && d.autostart() && !d.active()) {
                try {
                    domains.create(d.ref(), 0);
                    LOG.info("autostarted {}", d.name());
                } catch (RuntimeException e) {
                    LOG.error("autostart of {} failed: {}", d.name(), e.getMessage());
                }
            }
        }
    }

    private void reattach(RunStatus s, DomainDef config) {
        String name = s.live().name();
        boolean alive = HostProcesses.alive(s.pid()) && HostProcesses.commandLineContains(s.pid(), s.monitor());
        if (!alive) {
            LOG.info("guest {} (pid {}) ended while the driver was away: shut off", name, s.pid());
            lifecycle.launcher().removeRunFiles(name);
            if (config != null) {
                add(new QemuDomain(config, null, -1, DomainState.SHUTOFF, Reasons.SHUTOFF_UNKNOWN,
                        state.files.autostart(name), null));
            }
            return;
        }
        GuestRuntime rt = new GuestRuntime(s.pid(), Path.of(s.monitor()), new SerialExecutor(state.eventPool));
        QemuDomain d = new QemuDomain(config, s.live(), s.id(), s.state(), s.reason(), config != null
                && state.files.autostart(name), rt);
        if (!add(d)) {
            return;
        }
        try (ObjectHandle<QemuDomain> h = state.domains.findByUuid(d.uuid()).orElseThrow()) {
            QemuDomains.job(h, "qemuProcessReconnect", x -> {
                try {
                    GuestLifecycle.unlocked(x, () -> lifecycle.launcher().connect(name, rt, new GuestEvents(
                            lifecycle, d.uuid(), rt), RECONNECT_TIMEOUT));
                    JsonNode status = lifecycle.monitor(x, m -> m.execute("query-status", null, RECONNECT_TIMEOUT));
                    refreshState(x, status);
                    lifecycle.writeStatusLocked(x);
                    if (x.value().state() == DomainState.SHUTDOWN) {
                        // powered off while the driver was away (-no-shutdown keeps QEMU): end it, as libvirt does
                        rt.gotShutdown = true;
                        HostProcesses.terminate(s.pid());
                    }
                    LOG.info("reattached guest {} (pid {}, id {}): {}", name, s.pid(), s.id(), status.path("status")
                            .asText());
                } catch (RuntimeException e) {
                    LOG.warn("guest {} (pid {}) runs but its monitor does not answer ({}); it is ended", name,
                            s.pid(), e.getMessage());
                    rt.beingDestroyed = true;
                    GuestLifecycle.unlocked(x, () -> lifecycle.launcher().terminate(rt));
                    lifecycle.stopLocked(x, Reasons.SHUTOFF_FAILED, Reasons.EVENT_STOPPED_FAILED);
                }
                return null;
            });
        }
    }

    /** The state QEMU reports, keeping the recorded reason when the state is unchanged. */
    private static void refreshState(ObjectHandle<QemuDomain> h, JsonNode status) {
        QemuDomain d = h.value();
        String s = status.path("status").asText();
        int newState;
        int reason;
        if (status.path("running").asBoolean()) {
            newState = DomainState.RUNNING;
            reason = d.state() == DomainState.RUNNING ? d.reason() : Reasons.RUNNING_UNPAUSED;
        } else if (s.equals("shutdown")) {
            newState = DomainState.SHUTDOWN;
            reason = Reasons.SHUTDOWN_UNKNOWN;
        } else if (s.equals("guest-panicked")) {
            newState = DomainState.CRASHED;
            reason = Reasons.CRASHED_PANICKED;
        } else {
            newState = DomainState.PAUSED;
            reason = d.state() == DomainState.PAUSED ? d.reason() : Reasons.PAUSED_UNKNOWN;
        }
        h.update(d.withState(newState, reason));
    }

    /** Adds a domain under the driver lock; false (logged) if its name or uuid is taken. */
    private boolean add(QemuDomain d) {
        Optional<ObjectHandle<QemuDomain>> added;
        try (LockGuard driver = state.lock.acquire()) {
            added = state.domains.addIfAbsent(d);
            added.ifPresent(ObjectHandle::close);
        }
        if (added.isEmpty()) {
            LOG.error("domain {} ({}) is recorded twice; the second record is ignored", d.name(), d.uuid());
        }
        return added.isPresent();
    }

}
