package io.jvirtd.driver.qemu.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jvirtd.api.domain.DomainDriver;
import io.jvirtd.api.domain.DomainEvent;
import io.jvirtd.api.domain.DomainEventListener;
import io.jvirtd.api.domain.DomainInfo;
import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.domain.DomainState;
import io.jvirtd.api.domain.QemuMonitorDriver;
import io.jvirtd.api.domain.SecurityLabel;
import io.jvirtd.api.domain.VcpuInfo;
import io.jvirtd.api.driver.Subscription;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.lock.LockGuard;
import io.jvirtd.api.object.ObjectHandle;
import io.jvirtd.driver.qemu.internal.model.DomainDef;
import io.jvirtd.driver.qemu.internal.model.DomainXmlFormatter;
import io.jvirtd.driver.qemu.internal.model.DomainXmlParser;
import io.jvirtd.driver.qemu.internal.model.OsDef;

/**
 * The domain calls of the QEMU driver. Reads look the domain up (list lock, then object lock), copy
 * what they need from the last known state and release it: they never wait for a job or the
 * monitor, so a guest whose monitor hangs still answers lookups, info and lists. Changes run as jobs
 * (seed 004): look-up, BeginJob, the change (monitor use between EnterMonitor and ExitMonitor, I/O
 * with the object lock dropped), EndJob, release, and only then the lifecycle event.
 */
final class QemuDomains implements DomainDriver, QemuMonitorDriver {
    private static final int LIST_ACTIVE = 1;
    private static final int LIST_INACTIVE = 2;
    private static final int LIST_PERSISTENT = 4;
    private static final int LIST_TRANSIENT = 8;
    private static final int LIST_RUNNING = 16;
    private static final int LIST_PAUSED = 32;
    private static final int LIST_SHUTOFF = 64;
    private static final int LIST_OTHER = 128;
    private static final int LIST_MANAGEDSAVE = 256;
    private static final int LIST_NO_MANAGEDSAVE = 512;
    private static final int LIST_AUTOSTART = 1024;
    private static final int LIST_NO_AUTOSTART = 2048;
    private static final int LIST_HAS_SNAPSHOT = 4096;
    private static final int LIST_NO_SNAPSHOT = 8192;
    private static final int LIST_ALL = (1 << 16) - 1;
    private static final int XML_INACTIVE = 2;
    private static final int AFFECT_LIVE = 1;
    private static final int AFFECT_CONFIG = 2;
    private static final int VCPU_MAXIMUM = 4;
    private static final int MEM_MAXIMUM = 4;
    /** VIR_DOMAIN_QEMU_MONITOR_COMMAND_HMP: the command is HMP text, not QMP JSON. */
    private static final int MONITOR_COMMAND_HMP = 1;

    private final QemuState state; // immutable
    private final GuestLifecycle lifecycle; // immutable

    QemuDomains(QemuState state, GuestLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    // ---- look-ups and reads: last known state, no job ----

    @Override
    public List<DomainRef> listAll(int flags) {
        Errors.checkFlags("qemuConnectListAllDomains", flags, LIST_ALL);
        List<DomainRef> out = new ArrayList<>();
        for (QemuDomain d : state.domains.snapshot()) {
            if (matches(d, flags)) {
                out.add(d.ref());
            }
        }
        return out;
    }

    private static boolean matches(QemuDomain d, int flags) {
        if (!pair(flags, LIST_ACTIVE, LIST_INACTIVE, d.active())
                || !pair(flags, LIST_PERSISTENT, LIST_TRANSIENT, d.persistent())
                || !pair(flags, LIST_MANAGEDSAVE, LIST_NO_MANAGEDSAVE, false)
                || !pair(flags, LIST_AUTOSTART, LIST_NO_AUTOSTART, d.autostart())
                || !pair(flags, LIST_HAS_SNAPSHOT, LIST_NO_SNAPSHOT, false)) {
            return false;
        }
        int states = flags & (LIST_RUNNING | LIST_PAUSED | LIST_SHUTOFF | LIST_OTHER);
        if (states == 0) {
            return true;
        }
        int bit = switch (d.state()) {
            case DomainState.RUNNING -> LIST_RUNNING;
            case DomainState.PAUSED -> LIST_PAUSED;
            case DomainState.SHUTOFF -> LIST_SHUTOFF;
            default -> LIST_OTHER;
        };
        return (states & bit) != 0;
    }

    /** A pair of exclusive filter flags: neither or both set accepts all. */
    private static boolean pair(int flags, int yes, int no, boolean value) {
        boolean y = (flags & yes) != 0;
        boolean n = (flags & no) != 0;
        return y == n || (y ? value : !value);
    }

    @Override
    public List<Integer> activeIds(int max) {
        return state.domains.snapshot().stream().filter(QemuDomain::active).map(QemuDomain::id).sorted()
                .limit(Math.max(0, max)).toList();
    }

    @Override
    public List<String> inactiveNames(int max) {
        return state.domains.snapshot().stream().filter(d -> !d.active()).map(QemuDomain::name).sorted()
                .limit(Math.max(0, max)).toList();
    }

    @Override
    public DomainRef lookupById(int id) {
        return read(state.domains.findById(id), () -> "no domain with matching id " + id, QemuDomain::ref);
    }

    @Override
    public DomainRef lookupByName(String name) {
        return read(state.domains.findByName(name), () -> "no domain with matching name '" + name + "'",
                QemuDomain::ref);
    }

    @Override
    public DomainRef lookupByUuid(UUID uuid) {
        return read(state.domains.findByUuid(uuid), () -> "no domain with matching uuid '" + uuid + "'",
                QemuDomain::ref);
    }

    private static <R> R read(Optional<ObjectHandle<QemuDomain>> found, java.util.function.Supplier<String> missing,
            Function<QemuDomain, R> f) {
        ObjectHandle<QemuDomain> h = found.orElseThrow(() -> new VirException(VirErrorCode.NO_DOMAIN,
                VirErrorDomain.QEMU, missing.get()));
        try (h) {
            return f.apply(h.value());
        }
    }

    private ObjectHandle<QemuDomain> handle(DomainRef ref) {
        return state.domains.findByUuid(ref.uuid()).orElseThrow(() -> Errors.noDomain(ref));
    }

    private <R> R readDomain(DomainRef ref, Function<QemuDomain, R> f) {
        try (ObjectHandle<QemuDomain> h = handle(ref)) {
            return f.apply(h.value());
        }
    }

    @Override
    public DomainInfo info(DomainRef ref) {
        QemuDomain d = readDomain(ref, x -> x);
        long cpu = d.active() ? HostProcesses.cpuTimeNs(d.runtime().pid) : 0;
        DomainDef def = d.def();
        return new DomainInfo(d.state(), def.memoryKiB(), def.currentMemoryKiB(), def.currentVcpus(), cpu);
    }

    @Override
    public DomainState state(DomainRef ref, int flags) {
        Errors.checkFlags("qemuDomainGetState", flags, 0);
        return readDomain(ref, d -> new DomainState(d.state(), d.reason()));
    }

    @Override
    public String xmlDesc(DomainRef ref, int flags) {
        Errors.checkFlags("qemuDomainGetXMLDesc", flags, 1 | 2 | 4 | 8);
        return readDomain(ref, d -> (flags & XML_INACTIVE) != 0 || !d.active()
                ? DomainXmlFormatter.format(d.persistent() ? d.config() : d.def(), -1)
                : DomainXmlFormatter.format(d.live(), d.id()));
    }

    @Override
    public String osType(DomainRef ref) {
        return readDomain(ref, d -> "hvm");
    }

    @Override
    public boolean autostart(DomainRef ref) {
        return readDomain(ref, QemuDomain::autostart);
    }

    @Override
    public boolean isActive(DomainRef ref) {
        return readDomain(ref, QemuDomain::active);
    }

    @Override
    public boolean isPersistent(DomainRef ref) {
        return readDomain(ref, QemuDomain::persistent);
    }

    @Override
    public boolean isUpdated(DomainRef ref) {
        return readDomain(ref, d -> false);
    }

    @Override
    public long maxMemory(DomainRef ref) {
        return readDomain(ref, d -> d.def().memoryKiB());
    }

    @Override
    public int maxVcpus(DomainRef ref) {
        return vcpuCount(ref, AFFECT_LIVE | VCPU_MAXIMUM);
    }

    @Override
    public int vcpuCount(DomainRef ref, int flags) {
        Errors.checkFlags("qemuDomainGetVcpusFlags", flags, AFFECT_LIVE | AFFECT_CONFIG | VCPU_MAXIMUM | 8);
        return readDomain(ref, d -> {
            DomainDef def = definitionFor(d, flags);
            return (flags & VCPU_MAXIMUM) != 0 ? def.vcpus() : def.currentVcpus();
        });
    }

    private static DomainDef definitionFor(QemuDomain d, int flags) {
        boolean live = (flags & AFFECT_LIVE) != 0;
        boolean config = (flags & AFFECT_CONFIG) != 0;
        if (live && config) {
            throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.DOMAIN,
                    "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
        }
        if (!live && !config) {
            live = d.active();
            config = !live;
        }
        if (live && !d.active()) {
            throw Errors.notRunning();
        }
        if (config) {
            if (!d.persistent()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.DOMAIN,
                        "transient domains do not have any persistent config");
            }
            return d.config();
        }
        return d.live();
    }

    /** {@code virDomainGetVcpus}: QEMU's vCPU threads (a monitor job), their times and CPUs from /proc. */
    @Override
    public List<VcpuInfo> vcpuInfo(DomainRef ref, int max, int mapLength) {
        return job(handle(ref), "virDomainGetVcpus", h -> {
            QemuDomain d = h.value();
            if (!d.active()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.QEMU,
                        "cannot list vcpus for an inactive domain");
            }
            JsonNode cpus = lifecycle.monitor(h, m -> m.execute("query-cpus-fast", null,
                    state.settings.monitorTimeout()));
            int hostCpus = state.host.nodeInfo().cpus();
            List<VcpuInfo> out = new ArrayList<>();
            for (JsonNode c : cpus) {
                if (out.size() >= max) {
                    break;
                }
                long[] t = HostProcesses.thread(d.runtime().pid, c.path("thread-id").asLong()).orElse(
                        new long[] {'S', 0, -1});
                byte[] map = new byte[mapLength];
                for (int cpu = 0; cpu < hostCpus && cpu / 8 < mapLength; cpu++) {
                    map[cpu / 8] |= (byte) (1 << (cpu % 8));
                }
                out.add(new VcpuInfo(c.path("cpu-index").asInt(), t[0] == 'R' || t[0] == 'S' ? 1 : 2, t[1],
                        (int) t[2], map));
            }
            return out;
        });
    }

    @Override
    public boolean hasManagedSaveImage(DomainRef ref, int flags) {
        return readDomain(ref, d -> false);
    }

    @Override
    public int snapshotCount(DomainRef ref, int flags) {
        return readDomain(ref, d -> 0);
    }

    @Override
    public List<String> snapshotNames(DomainRef ref, int max, int flags) {
        return readDomain(ref, d -> List.of());
    }

    @Override
    public SecurityLabel securityLabel(DomainRef ref) {
        return readDomain(ref, d -> new SecurityLabel("", false));
    }

    @Override
    public String schedulerType(DomainRef ref) {
        return readDomain(ref, d -> "posix");
    }

    @Override
    public Subscription subscribe(DomainEventListener listener) {
        return state.events.subscribe(listener);
    }

    // ---- definitions ----

    @Override
    public DomainRef define(String xml, int flags) {
        Errors.checkFlags("qemuDomainDefineXMLFlags", flags, 1);
        DomainDef def = parse(xml);
        ObjectHandle<QemuDomain> existing;
        ObjectHandle<QemuDomain> added = null;
        try (LockGuard driver = state.lock.acquire()) {
            existing = existingFor(def);
            if (existing == null) {
                added = state.domains.addIfAbsent(QemuDomain.defined(def, false)).orElseThrow(() ->
                        new VirException(VirErrorCode.OPERATION_FAILED, VirErrorDomain.DOMAIN, "domain '"
                                + def.name() + "' already exists"));
            }
        }
        if (added != null) {
            DomainRef ref;
            try (ObjectHandle<QemuDomain> h = added) {
                h.job().beginJob("virDomainDefineXML");
                try {
                    GuestLifecycle.unlocked(h, () -> writeConfig(def));
                    ref = h.value().ref();
                } catch (RuntimeException e) {
                    state.domains.remove(h);
                    throw e;
                } finally {
                    h.job().endJob();
                }
            }
            state.events.emit(new DomainEvent(ref, DomainEvent.DEFINED, Reasons.EVENT_DEFINED_ADDED));
            return ref;
        }
        DomainEvent[] event = new DomainEvent[1];
        DomainRef ref = job(existing, "virDomainDefineXML", h -> {
            if (!h.isListed()) {
                throw new VirException(VirErrorCode.OPERATION_FAILED, VirErrorDomain.DOMAIN, "domain '"
                        + def.name() + "' was undefined meanwhile");
            }
            boolean wasPersistent = h.value().persistent();
            GuestLifecycle.unlocked(h, () -> writeConfig(def));
            QemuDomain d = h.value();
            h.update(d.active() ? d.withConfig(def) : QemuDomain.defined(def, d.autostart()));
            if (d.active()) {
                lifecycle.writeStatusLocked(h);
            }
            event[0] = new DomainEvent(h.value().ref(), DomainEvent.DEFINED, wasPersistent
                    ? Reasons.EVENT_DEFINED_UPDATED : Reasons.EVENT_DEFINED_ADDED);
            return h.value().ref();
        });
        state.events.emit(event[0]);
        return ref;
    }

    /** Parses a client's XML; a definition naming no emulator gets the driver's, as libvirt fills it in. */
    private DomainDef parse(String xml) {
        DomainDef parsed = DomainXmlParser.parse(xml);
        DomainDef def = parsed.emulator() == null ? parsed.withEmulator(state.settings.emulator()) : parsed;
        state.host.checkRunnable(def);
        OsDef os = def.os();
        String machine = state.host.canonicalMachine(def.emulator(), os.machine());
        return def.withOs(new OsDef(os.arch(), machine, os.bootDevices(), os.kernel(), os.initrd(), os.cmdline()));
    }

    private void writeConfig(DomainDef def) {
        StateFiles.writeAtomically(state.files.configFile(def.name()), DomainXmlFormatter.format(def, -1));
    }

    /**
     * The domain a definition replaces, locked, or null when it is new; the same name with another
     * uuid, or the same uuid with another name, is refused as libvirt refuses it. Driver lock held.
     */
    private ObjectHandle<QemuDomain> existingFor(DomainDef def) {
        return state.domains.findForDefinition(def.name(), def.uuid(), VirErrorDomain.DOMAIN).orElse(null);
    }

    @Override
    public void undefine(DomainRef ref, int flags) {
        Errors.checkFlags("qemuDomainUndefineFlags", flags, 1 | 2 | 4 | 8 | 16 | 32 | 64);
        DomainEvent event = job(handle(ref), "virDomainUndefine", h -> {
            QemuDomain d = h.value();
            if (!d.persistent()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.QEMU,
                        "cannot undefine transient domain");
            }
            GuestLifecycle.unlocked(h, () -> {
                StateFiles.delete(state.files.autostartLink(d.name()), state.files.configFile(d.name()));
            });
            DomainEvent e = new DomainEvent(d.ref(), DomainEvent.UNDEFINED, Reasons.EVENT_UNDEFINED_REMOVED);
            if (d.active()) {
                h.update(new QemuDomain(null, d.live(), d.id(), d.state(), d.reason(), false, d.runtime()));
                lifecycle.writeStatusLocked(h);
            } else {
                state.domains.remove(h);
            }
            return e;
        });
        state.events.emit(event);
    }

    @Override
    public void setAutostart(DomainRef ref, boolean autostart) {
        job(handle(ref), "virDomainSetAutostart", h -> {
            QemuDomain d = h.value();
            if (!d.persistent()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.QEMU,
                        "cannot set autostart for transient domain");
            }
            GuestLifecycle.unlocked(h, () -> state.files.setAutostart(d.name(), autostart));
            h.update(h.value().withAutostart(autostart));
            return null;
        });
    }

    // ---- lifecycle ----

    @Override
    public DomainRef create(DomainRef ref, int flags) {
        Errors.checkFlags("qemuDomainCreateWithFlags", flags, 1 | 2 | 4 | 8 | 16);
        DomainEvent[] event = new DomainEvent[1];
        DomainRef out = job(handle(ref), "virDomainCreate", h -> {
            QemuDomain d = h.value();
            if (d.active()) {
                throw Errors.alreadyRunning();
            }
            event[0] = lifecycle.startLocked(h, d.config());
            if ((flags & 1) != 0) {
                suspendLocked(h);
            }
            return h.value().ref();
        });
        state.events.emit(event[0]);
        if ((flags & 1) != 0) {
            state.events.emit(new DomainEvent(out, DomainEvent.SUSPENDED, Reasons.EVENT_SUSPENDED_PAUSED));
        }
        return out;
    }

    @Override
    public DomainRef createXml(String xml, int flags) {
        Errors.checkFlags("qemuDomainCreateXML", flags, 1 | 2 | 4);
        DomainDef def = parse(xml);
        ObjectHandle<QemuDomain> h;
        boolean fresh;
        try (LockGuard driver = state.lock.acquire()) {
            ObjectHandle<QemuDomain> existing = existingFor(def);
            if (existing != null && existing.value().active()) {
                existing.close();
                throw Errors.alreadyRunning();
            }
            fresh = existing == null;
            h = fresh ? state.domains.addIfAbsent(new QemuDomain(null, def, -1, DomainState.SHUTOFF,
                    Reasons.SHUTOFF_UNKNOWN, false, null)).orElseThrow(() -> new VirException(
                            VirErrorCode.OPERATION_FAILED, VirErrorDomain.DOMAIN, "domain '" + def.name()
                                    + "' already exists")) : existing;
        }
        DomainEvent[] event = new DomainEvent[1];
        DomainRef out = job(h, "virDomainCreateXML", x -> {
            try {
                event[0] = lifecycle.startLocked(x, def);
            } catch (RuntimeException e) {
                if (fresh && x.isListed() && !x.value().active()) {
                    state.domains.remove(x);
                }
                throw e;
            }
            return x.value().ref();
        });
        state.events.emit(event[0]);
        return out;
    }

    @Override
    public void destroy(DomainRef ref, int flags) {
        Errors.checkFlags("qemuDomainDestroyFlags", flags, 1);
        // Kill first, with no lock held, so a job stuck on the monitor gets its end and lets go (libvirt's order).
        GuestRuntime rt = readDomain(ref, d -> {
            if (!d.active()) {
                throw Errors.notRunning();
            }
            return d.runtime();
        });
        lifecycle.kill(rt);
        DomainEvent event = job(handle(ref), "virDomainDestroy", h -> {
            if (h.value().runtime() != rt) {
                throw Errors.notRunning();
            }
            return lifecycle.stopLocked(h, Reasons.SHUTOFF_DESTROYED, Reasons.EVENT_STOPPED_DESTROYED);
        });
        state.events.emit(event);
    }

    @Override
    public void suspend(DomainRef ref) {
        DomainEvent event = job(handle(ref), "virDomainSuspend", this::suspendLocked);
        state.events.emit(event);
    }

    private DomainEvent suspendLocked(ObjectHandle<QemuDomain> h) {
        QemuDomain d = requireActive(h);
        if (d.state() == DomainState.PAUSED) {
            return null;
        }
        lifecycle.monitor(h, m -> m.execute("stop", null, state.settings.monitorTimeout()));
        h.update(h.value().withState(DomainState.PAUSED, Reasons.PAUSED_USER));
        lifecycle.writeStatusLocked(h);
        return new DomainEvent(h.value().ref(), DomainEvent.SUSPENDED, Reasons.EVENT_SUSPENDED_PAUSED);
    }

    @Override
    public void resume(DomainRef ref) {
        DomainEvent event = job(handle(ref), "virDomainResume", h -> {
            QemuDomain d = requireActive(h);
            if (d.state() != DomainState.PAUSED && d.state() != DomainState.CRASHED) {
                return null;
            }
            lifecycle.monitor(h, m -> m.execute("cont", null, state.settings.monitorTimeout()));
            h.update(h.value().withState(DomainState.RUNNING, Reasons.RUNNING_UNPAUSED));
            lifecycle.writeStatusLocked(h);
            return new DomainEvent(h.value().ref(), DomainEvent.RESUMED, Reasons.EVENT_RESUMED_UNPAUSED);
        });
        state.events.emit(event);
    }

    @Override
    public void shutdown(DomainRef ref, int flags) {
        Errors.checkFlags("qemuDomainShutdownFlags", flags, 1);
        job(handle(ref), "virDomainShutdown", h -> {
            requireActive(h);
            requireAcpi(h.value());
            lifecycle.monitor(h, m -> m.execute("system_powerdown", null, state.settings.monitorTimeout()));
            return null;
        });
    }

    @Override
    public void reboot(DomainRef ref, int flags) {
        Errors.checkFlags("qemuDomainReboot", flags, 1);
        job(handle(ref), "virDomainReboot", h -> {
            QemuDomain d = requireActive(h);
            requireAcpi(d);
            d.runtime().fakeReboot = true;
            try {
                lifecycle.monitor(h, m -> m.execute("system_powerdown", null, state.settings.monitorTimeout()));
            } catch (RuntimeException e) {
                d.runtime().fakeReboot = false;
                throw e;
            }
            return null;
        });
    }

    private static void requireAcpi(QemuDomain d) {
        if (!d.def().acpi()) {
            throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.QEMU,
                    "ACPI is not enabled for this domain; it cannot be shut down or rebooted gracefully");
        }
    }

    @Override
    public void setMemory(DomainRef ref, long kib, int flags) {
        Errors.checkFlags("qemuDomainSetMemoryFlags", flags, AFFECT_LIVE | AFFECT_CONFIG | MEM_MAXIMUM);
        job(handle(ref), "virDomainSetMemory", h -> {
            QemuDomain d = h.value();
            boolean live = (flags & AFFECT_LIVE) != 0 || (flags & (AFFECT_LIVE | AFFECT_CONFIG)) == 0 && d.active();
            boolean config = (flags & AFFECT_CONFIG) != 0 || (flags & (AFFECT_LIVE | AFFECT_CONFIG)) == 0
                    && !d.active();
            if (live && !d.active()) {
                throw Errors.notRunning();
            }
            if ((flags & MEM_MAXIMUM) != 0) {
                if (live) {
                    throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.QEMU,
                            "cannot resize the maximum memory on an active domain");
                }
                updateConfig(h, d.config().withMaxMemory(kib));
                return null;
            }
            long max = (live ? d.live() : d.config()).memoryKiB();
            if (kib > max) {
                throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.QEMU,
                        "cannot set memory higher than max memory");
            }
            if (live) {
                if (!d.live().memballoon().equals("virtio")) {
                    throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.QEMU,
                            "Unable to change memory of active domain without the balloon device and guest OS "
                                    + "balloon driver");
                }
                ObjectNode args = JsonNodeFactory.instance.objectNode().put("value", kib * 1024);
                lifecycle.monitor(h, m -> m.execute("balloon", args, state.settings.monitorTimeout()));
                h.update(h.value().withLive(h.value().live().withCurrentMemory(kib)));
                lifecycle.writeStatusLocked(h);
            }
            if (config) {
                updateConfig(h, h.value().config().withCurrentMemory(kib));
            }
            return null;
        });
    }

    private void updateConfig(ObjectHandle<QemuDomain> h, DomainDef def) {
        if (!h.value().persistent()) {
            throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.DOMAIN,
                    "transient domains do not have any persistent config");
        }
        GuestLifecycle.unlocked(h, () -> writeConfig(def));
        h.update(h.value().withConfig(def));
    }

    @Override
    public String monitorCommand(DomainRef ref, String command, int flags) {
        Errors.checkFlags("qemuDomainQemuMonitorCommand", flags, MONITOR_COMMAND_HMP);
        return job(handle(ref), "virDomainQemuMonitorCommand", h -> {
            requireActive(h);
            if ((flags & MONITOR_COMMAND_HMP) != 0) {
                // HMP text goes through QMP's human-monitor-command; the reply is HMP's text, as libvirt gives it
                ObjectNode args = JsonNodeFactory.instance.objectNode().put("command-line", command);
                return lifecycle.monitor(h, m -> m.execute("human-monitor-command", args,
                        state.settings.monitorTimeout()).asText());
            }
            return lifecycle.monitor(h, m -> m.executeRaw(command, state.settings.monitorTimeout()));
        });
    }

    private static QemuDomain requireActive(ObjectHandle<QemuDomain> h) {
        QemuDomain d = h.value();
        if (!d.active()) {
            throw Errors.notRunning();
        }
        return d;
    }

    /** Runs {@code body} as the job {@code api} on the domain of {@code h}, then releases it. */
    static <R> R job(ObjectHandle<QemuDomain> h, String api, Function<ObjectHandle<QemuDomain>, R> body) {
        try (h) {
            h.job().beginJob(api);
            try {
                return body.apply(h);
            } finally {
                h.job().endJob();
            }
        }
    }
}
