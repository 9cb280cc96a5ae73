package io.jvirtd.driver.qemu.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.jvirtd.api.domain.DomainEvent;
import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.domain.DomainState;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.object.ObjectHandle;
import io.jvirtd.driver.qemu.internal.command.LaunchPaths;
import io.jvirtd.driver.qemu.internal.command.QemuCommandLine;
import io.jvirtd.driver.qemu.internal.model.DomainDef;
import io.jvirtd.driver.qemu.internal.model.DomainXmlFormatter;
import io.jvirtd.driver.qemu.internal.model.GraphicsDef;
import io.jvirtd.driver.qemu.internal.model.RunStatus;
import io.jvirtd.driver.qemu.internal.model.SerialDef;
import io.jvirtd.driver.qemu.internal.monitor.QmpMonitor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting, stopping and watching guests, inside jobs (seed 004). Every method whose name ends in
 * {@code Locked} is called with the domain's object lock held and its job owned by the caller; it
 * drops the object lock around process spawns, file writes and waits (the job keeps every other
 * state change out), and uses the monitor only between EnterMonitor and ExitMonitor. QMP events and
 * the monitor's end arrive through {@link #onEvent} and {@link #onMonitorEnd}, each run as a job of
 * its own on the guest's serial event executor. Lifecycle events are returned to the caller, which
 * emits them once every lock is released.
 */
final class GuestLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(GuestLifecycle.class);
    private final QemuState state; // immutable
    private final GuestLauncher launcher; // immutable

    GuestLifecycle(QemuState state) {
        this.state = state;
        this.launcher = new GuestLauncher(state);
    }

    GuestLauncher launcher() {
        return launcher;
    }

    // ---- start ----

    /** Starts the domain of {@code h} on {@code def}; returns the STARTED event. */
    DomainEvent startLocked(ObjectHandle<QemuDomain> h, DomainDef def) {
        if (h.value().active()) {
            throw Errors.alreadyRunning();
        }
        state.host.checkRunnable(def);
        HostCapabilities.checkDisks(def);
        String name = def.name();
        int id = state.nextId.getAndIncrement();
        GuestRuntime[] rt = new GuestRuntime[1];
        DomainDef[] live = {def};
        unlocked(h, () -> {
            if (def.graphics() != null && def.graphics().autoport()) {
                live[0] = def.withGraphics(def.graphics().withPort(freeVncPort(def.graphics())));
            }
            List<String> argv = QemuCommandLine.build(live[0], state.host.emulatorOf(def), new LaunchPaths(
                    state.files.monitorSocket(name).toString(), state.files.pidFile(name).toString()));
            long pid = launcher.spawn(name, argv);
            rt[0] = launcher.runtime(pid, name);
            try {
                launcher.connect(name, rt[0], new GuestEvents(this, def.uuid(), rt[0]),
                        state.settings.monitorTimeout());
            } catch (RuntimeException e) {
                HostProcesses.kill(pid);
                launcher.removeRunFiles(name);
                throw e;
            }
        });
        h.update(h.value().running(live[0], id, DomainState.PAUSED, Reasons.PAUSED_STARTING_UP, rt[0]));
        try {
            JsonNode chardevs = monitor(h, m -> m.execute("query-chardev", null, state.settings.monitorTimeout()));
            DomainDef withPtys = withPtys(live[0], chardevs);
            h.update(h.value().withLive(withPtys));
            writeStatusLocked(h);
            monitor(h, m -> m.execute("cont", null, state.settings.monitorTimeout()));
        } catch (RuntimeException e) {
            LOG.warn("start of {} failed after QEMU started; ending it", name, e);
            rt[0].beingDestroyed = true;
            unlocked(h, () -> launcher.terminate(rt[0]));
            stopLocked(h, Reasons.SHUTOFF_FAILED, Reasons.EVENT_STOPPED_FAILED);
            throw e;
        }
        h.update(h.value().withState(DomainState.RUNNING, Reasons.RUNNING_BOOTED));
        writeStatusLocked(h);
        return new DomainEvent(h.value().ref(), DomainEvent.STARTED, Reasons.EVENT_STARTED_BOOTED);
    }

    private static int freeVncPort(GraphicsDef g) {
        for (int port = 5900; port < 65536; port++) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(g.listen()))) {
                return port;
            } catch (IOException e) {
                // taken: try the next one
            }
        }
        throw Errors.internal("Unable to find an unused port for VNC");
    }

    /** The live definition with the pty paths QEMU allocated ({@code query-chardev}). */
    private static DomainDef withPtys(DomainDef live, JsonNode chardevs) {
        List<SerialDef> serials = new ArrayList<>(live.serials());
        for (JsonNode c : chardevs) {
            String label = c.path("label").asText();
            String file = c.path("filename").asText();
            if (label.startsWith("charserial") && file.startsWith("pty:")) {
                int i = Integer.parseInt(label.substring("charserial".length()));
                if (i < serials.size()) {
                    serials.set(i, serials.get(i).withPath(file.substring(4)));
                }
            }
        }
        return live.withSerials(serials);
    }

    // ---- stop ----

    /**
     * Marks the domain of {@code h} shut off with {@code reason} once its QEMU is gone: detaches the
     * monitor, removes the run files, and drops a transient domain from the list. Returns the
     * STOPPED event with {@code detail}.
     */
    DomainEvent stopLocked(ObjectHandle<QemuDomain> h, int reason, int detail) {
        QemuDomain d = h.value();
        GuestRuntime rt = d.runtime();
        String name = d.name();
        unlocked(h, () -> {
            if (rt != null) {
                QmpMonitor m = rt.monitor();
                if (m != null) {
                    m.close();
                }
                if (HostProcesses.alive(rt.pid) && HostProcesses.commandLineContains(rt.pid, rt.monitorPath
                        .toString())) {
                    HostProcesses.kill(rt.pid);
                }
            }
            launcher.removeRunFiles(name);
        });
        QemuDomain stopped = h.value().stopped(reason);
        DomainRef ref = new DomainRef(name, d.uuid(), -1);
        if (stopped.persistent()) {
            h.update(stopped);
        } else if (h.isListed()) {
            state.domains.remove(h);
        }
        return new DomainEvent(ref, DomainEvent.STOPPED, detail);
    }

    /** Destroy's kill: marks the run as being destroyed, then ends QEMU; called with no lock held. */
    void kill(GuestRuntime rt) {
        rt.beingDestroyed = true;
        launcher.terminate(rt);
    }

    // ---- status ----

    /** Writes the status file of a running domain; the object lock is dropped for the write. */
    void writeStatusLocked(ObjectHandle<QemuDomain> h) {
        QemuDomain d = h.value();
        if (!d.active()) {
            return;
        }
        RunStatus s = new RunStatus(d.live(), d.id(), d.state(), d.reason(), d.runtime().pid,
                d.runtime().monitorPath.toString(), d.persistent());
        String xml = DomainXmlFormatter.formatStatus(s);
        unlocked(h, () -> StateFiles.writeAtomically(state.files.statusFile(d.name()), xml));
    }

    // ---- monitor and lock helpers ----

    /** Runs {@code body} on the monitor between EnterMonitor and ExitMonitor. */
    <R> R monitor(ObjectHandle<QemuDomain> h, java.util.function.Function<QmpMonitor, R> body) {
        GuestRuntime rt = h.value().runtime();
        QmpMonitor m = rt == null ? null : rt.monitor();
        if (m == null || !m.isOpen()) {
            throw Errors.notRunning();
        }
        h.job().enterMonitor();
        try {
            return body.apply(m);
        } finally {
            h.job().exitMonitor();
        }
    }

    /** Runs I/O with the object lock dropped; the caller owns the job, so the domain cannot change. */
    static void unlocked(ObjectHandle<QemuDomain> h, Runnable io) {
        h.lock().release();
        try {
            io.run();
        } finally {
            h.lock().acquire();
        }
    }

    // ---- QMP events ----

    void onEvent(UUID uuid, GuestRuntime rt, String name, JsonNode data) {
        if (rt.beingDestroyed) {
            return; // QEMU's last words on SIGTERM (SHUTDOWN from host-signal): destroy reports the end
        }
        List<DomainEvent> out = new ArrayList<>();
        List<DomainRef> reboots = new ArrayList<>();
        inEventJob(uuid, rt, "qemuProcessEvent " + name, h -> {
            if (rt.beingDestroyed) {
                return;
            }
            QemuDomain d = h.value();
            switch (name) {
                case "STOP", "RESUME" -> syncRunStateLocked(h, rt, out);
                case "SHUTDOWN" -> shutdownLocked(h, rt, data, out);
                case "GUEST_PANICKED" -> panickedLocked(h, rt, out);
                case "RESET" -> {
                    // libvirt's VIR_DOMAIN_EVENT_ID_REBOOT: the guest was reset and keeps running
                    LOG.info("guest {} was reset ({})", d.name(), data);
                    reboots.add(d.ref());
                }
                default -> LOG.debug("QEMU event {} of {}: {}", name, d.name(), data);
            }
        });
        out.forEach(state.events::emit);
        reboots.forEach(state.events::emitReboot);
    }

    /**
     * A STOP or RESUME event: the state is re-read from QEMU rather than derived from the event, so an
     * event that a job's own {@code stop} or {@code cont} caused, handled after that job (or after a
     * later one), changes nothing. Only a change nobody asked for (a guest, a monitor passthrough, an
     * I/O error) changes the state and emits SUSPENDED or RESUMED.
     */
    private void syncRunStateLocked(ObjectHandle<QemuDomain> h, GuestRuntime rt, List<DomainEvent> out) {
        QemuDomain d = h.value();
        if (d.state() != DomainState.RUNNING && d.state() != DomainState.PAUSED) {
            return;
        }
        JsonNode status = monitor(h, m -> m.execute("query-status", null, state.settings.monitorTimeout()));
        if (rt.beingDestroyed || "shutdown".equals(status.path("status").asText())) {
            // a destroy's SIGTERM arrived while the status was asked: QEMU is stopping, not pausing,
            // and destroy reports the end
            return;
        }
        boolean running = status.path("running").asBoolean();
        d = h.value();
        if (running && d.state() == DomainState.PAUSED) {
            h.update(d.withState(DomainState.RUNNING, Reasons.RUNNING_UNPAUSED));
            out.add(new DomainEvent(d.ref(), DomainEvent.RESUMED, Reasons.EVENT_RESUMED_UNPAUSED));
        } else if (!running && d.state() == DomainState.RUNNING) {
            int reason = switch (status.path("status").asText()) {
                case "io-error" -> Reasons.PAUSED_IOERROR;
                case "watchdog" -> Reasons.PAUSED_WATCHDOG;
                default -> Reasons.PAUSED_UNKNOWN;
            };
            h.update(d.withState(DomainState.PAUSED, reason));
            out.add(new DomainEvent(d.ref(), DomainEvent.SUSPENDED, reason == Reasons.PAUSED_IOERROR
                    ? Reasons.EVENT_SUSPENDED_IOERROR : reason == Reasons.PAUSED_WATCHDOG
                    ? Reasons.EVENT_SUSPENDED_WATCHDOG : Reasons.EVENT_SUSPENDED_PAUSED));
        } else {
            return;
        }
        writeStatusLocked(h);
    }

    /**
     * QEMU's SHUTDOWN (libvirt's qemuProcessHandleShutdown): with {@code -no-shutdown} the guest has powered
     * off and QEMU is paused. A fake reboot (or on_poweroff=restart) is transient: no state change and no
     * event, the guest is reset and continued. Otherwise the domain is in shutdown (reason unknown), SHUTDOWN
     * is emitted and QEMU is told to quit; the SHUTDOWN QEMU repeats on that SIGTERM (host-signal) is ignored.
     */
    private void shutdownLocked(ObjectHandle<QemuDomain> h, GuestRuntime rt, JsonNode data, List<DomainEvent> out) {
        QemuDomain d = h.value();
        if (rt.gotShutdown || d.state() == DomainState.SHUTDOWN) {
            LOG.debug("repeated SHUTDOWN of {} ignored", d.name());
            return;
        }
        boolean restart = rt.fakeReboot || d.def().actions().onPoweroff().equals("restart");
        if (restart) {
            try {
                resetAndContinueLocked(h);
            } catch (RuntimeException e) {
                LOG.warn("fake reboot of {} failed; killing it", d.name(), e);
                unlocked(h, () -> HostProcesses.kill(rt.pid)); // the monitor's end reports it
                throw e;
            } finally {
                rt.fakeReboot = false;
            }
            return;
        }
        JsonNode guest = data.get("guest");
        int detail = guest == null ? Reasons.EVENT_SHUTDOWN_FINISHED : guest.asBoolean()
                ? Reasons.EVENT_SHUTDOWN_GUEST : Reasons.EVENT_SHUTDOWN_HOST;
        rt.gotShutdown = true;
        h.update(d.withState(DomainState.SHUTDOWN, Reasons.SHUTDOWN_UNKNOWN));
        writeStatusLocked(h);
        out.add(new DomainEvent(h.value().ref(), DomainEvent.SHUTDOWN, detail));
        HostProcesses.terminate(rt.pid); // the monitor's end then reports the guest shut off
    }

    private void panickedLocked(ObjectHandle<QemuDomain> h, GuestRuntime rt, List<DomainEvent> out) {
        QemuDomain d = h.value();
        h.update(d.withState(DomainState.CRASHED, Reasons.CRASHED_PANICKED));
        writeStatusLocked(h);
        out.add(new DomainEvent(d.ref(), DomainEvent.CRASHED, Reasons.EVENT_CRASHED_PANICKED));
        switch (d.def().actions().onCrash()) {
            case "restart" -> resetAndContinueLocked(h);
            case "destroy" -> {
                rt.beingDestroyed = true;
                unlocked(h, () -> launcher.terminate(rt));
                out.add(stopLocked(h, Reasons.SHUTOFF_CRASHED, Reasons.EVENT_STOPPED_CRASHED));
            }
            default -> LOG.info("guest {} panicked and is preserved (on_crash=preserve)", d.name());
        }
    }

    /** libvirt's fake reboot: the guest powered off, QEMU stays; reset it and let it run again. */
    private void resetAndContinueLocked(ObjectHandle<QemuDomain> h) {
        monitor(h, m -> {
            m.execute("system_reset", null, state.settings.monitorTimeout());
            return m.execute("cont", null, state.settings.monitorTimeout());
        });
        h.update(h.value().withState(DomainState.RUNNING, Reasons.RUNNING_BOOTED));
        writeStatusLocked(h);
    }

    void onMonitorEnd(UUID uuid, GuestRuntime rt) {
        if (rt.beingDestroyed) {
            return; // destroy reports it
        }
        List<DomainEvent> out = new ArrayList<>();
        inEventJob(uuid, rt, "qemuProcessEOF", h -> {
            if (rt.beingDestroyed) {
                return;
            }
            boolean shutdown = rt.gotShutdown;
            LOG.info("QEMU of {} ended{}", h.value().name(), shutdown ? " after the guest shut down"
                    : " without a shutdown: it crashed or was killed");
            out.add(stopLocked(h, shutdown ? Reasons.SHUTOFF_SHUTDOWN : Reasons.SHUTOFF_CRASHED, shutdown
                    ? Reasons.EVENT_STOPPED_SHUTDOWN : Reasons.EVENT_STOPPED_FAILED));
        });
        out.forEach(state.events::emit);
    }

    /** Runs {@code body} as a job on the domain, if it still runs {@code rt}. */
    private void inEventJob(UUID uuid, GuestRuntime rt, String api,
            java.util.function.Consumer<ObjectHandle<QemuDomain>> body) {
        Optional<ObjectHandle<QemuDomain>> found = state.domains.findByUuid(uuid);
        if (found.isEmpty()) {
            return;
        }
        try (ObjectHandle<QemuDomain> h = found.get()) {
            if (h.value().runtime() != rt) {
                return;
            }
            try {
                h.job().beginJob(api);
            } catch (VirException e) {
                LOG.warn("{} of {} dropped: {}", api, h.value().name(), e.getMessage());
                return;
            }
            try {
                if (h.isListed() && h.value().runtime() == rt) {
                    body.accept(h);
                }
            } catch (RuntimeException e) {
                LOG.warn("{} of {} failed", api, h.value().name(), e);
            } finally {
                h.job().endJob();
            }
        }
    }
}
