package io.jvirtd.driver.test.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.jvirtd.api.domain.DomainDriver;
import io.jvirtd.api.domain.DomainEvent;
import io.jvirtd.api.domain.DomainEventListener;
import io.jvirtd.api.domain.DomainInfo;
import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.domain.DomainState;
import io.jvirtd.api.domain.SecurityLabel;
import io.jvirtd.api.domain.VcpuInfo;
import io.jvirtd.api.driver.Subscription;
import io.jvirtd.api.driver.TypedParameter;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.lock.LockGuard;
import io.jvirtd.api.object.ObjectHandle;
import io.jvirtd.driver.test.internal.model.DomainDefinition;
import io.jvirtd.driver.test.internal.model.DomainXml;

/**
 * The domain calls of a test state. Reads look the object up (list lock, then object lock), copy
 * what they need and release it. State changes run as jobs: look-up, BeginJob, change the value,
 * EndJob, release, and only then emit the lifecycle event, with no lock held. Concurrent calls on
 * different domains never wait for each other.
 */
final class TestDomains implements DomainDriver {
    /** virConnectListAllDomainsFlags. */
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
    private static final int LIST_HAS_CHECKPOINT = 16384;
    private static final int LIST_NO_CHECKPOINT = 32768;
    private static final int LIST_ALL_FLAGS = (1 << 16) - 1;

    /** Running reasons. */
    private static final int RUNNING_BOOTED = 1;
    private static final int RUNNING_UNPAUSED = 5;
    /** Paused reason USER. */
    private static final int PAUSED_USER = 1;
    /** Shutoff reasons. */
    private static final int SHUTOFF_UNKNOWN = 0;
    private static final int SHUTOFF_SHUTDOWN = 1;
    private static final int SHUTOFF_DESTROYED = 2;

    /** Event details. */
    private static final int DEFINED_ADDED = 0;
    private static final int DEFINED_UPDATED = 1;
    private static final int UNDEFINED_REMOVED = 0;
    private static final int STARTED_BOOTED = 0;
    private static final int SUSPENDED_PAUSED = 0;
    private static final int RESUMED_UNPAUSED = 0;
    private static final int STOPPED_SHUTDOWN = 0;
    private static final int STOPPED_DESTROYED = 1;
    private static final int SHUTDOWN_FINISHED = 0;

    /** Flags. */
    private static final int START_VALIDATE = 4;
    private static final int XML_INACTIVE = 2;
    private static final int AFFECT_LIVE = 1;
    private static final int AFFECT_CONFIG = 2;
    private static final int VCPU_MAXIMUM = 4;
    private static final int MEM_MAXIMUM = 4;
    private static final int UNDEFINE_MANAGED_SAVE = 1;
    /** The test driver's vCPU limit (virConnectGetMaxVcpus). */
    private static final int MAX_VCPUS = 32;

    private final TestState state; // immutable

    TestDomains(TestState state) {
        this.state = state;
    }

    // ---- look-ups ----

    @Override
    public List<DomainRef> listAll(int flags) {
        if ((flags & ~LIST_ALL_FLAGS) != 0) {
            throw Errors.unsupportedFlags("testConnectListAllDomains", flags & ~LIST_ALL_FLAGS);
        }
        List<DomainRef> out = new ArrayList<>();
        for (TestDomain d : state.domains.snapshot()) {
            if (matches(d, flags)) {
                out.add(d.ref());
            }
        }
        return out;
    }

    private static boolean matches(TestDomain d, int flags) {
        if (!ListFilters.pair(flags, LIST_ACTIVE, LIST_INACTIVE, d.active())
                || !ListFilters.pair(flags, LIST_PERSISTENT, LIST_TRANSIENT, d.persistent())
                || !ListFilters.pair(flags, LIST_MANAGEDSAVE, LIST_NO_MANAGEDSAVE, d.managedSave())
                || !ListFilters.pair(flags, LIST_AUTOSTART, LIST_NO_AUTOSTART, d.autostart())
                || !ListFilters.pair(flags, LIST_HAS_SNAPSHOT, LIST_NO_SNAPSHOT, false)
                || !ListFilters.pair(flags, LIST_HAS_CHECKPOINT, LIST_NO_CHECKPOINT, false)) {
            return false;
        }
        int stateFlags = flags & (LIST_RUNNING | LIST_PAUSED | LIST_SHUTOFF | LIST_OTHER);
        if (stateFlags == 0) {
            return true;
        }
        int bit = switch (d.state()) {
            case DomainState.RUNNING -> LIST_RUNNING;
            case DomainState.PAUSED -> LIST_PAUSED;
            case DomainState.SHUTOFF -> LIST_SHUTOFF;
            default -> LIST_OTHER;
        };
        return (stateFlags & bit) != 0;
    }


    @Override
    public List<Integer> activeIds(int max) {
        return state.domains.snapshot().stream().filter(TestDomain::active).map(TestDomain::id)
                .sorted().limit(Math.max(0, max)).toList();
    }

    @Override
    public List<String> inactiveNames(int max) {
        return state.domains.snapshot().stream().filter(d -> !d.active()).map(TestDomain::name)
                .limit(Math.max(0, max)).toList();
    }

    @Override
    public DomainRef lookupById(int id) {
        return read(state.domains.findById(id), TestDomain::ref);
    }

    @Override
    public DomainRef lookupByName(String name) {
        return read(state.domains.findByName(name), TestDomain::ref);
    }

    @Override
    public DomainRef lookupByUuid(UUID uuid) {
        return read(state.domains.findByUuid(uuid), TestDomain::ref);
    }

    private static <R> R read(Optional<ObjectHandle<TestDomain>> found, Function<TestDomain, R> f) {
        ObjectHandle<TestDomain> h = found.orElseThrow(() -> new VirException(VirErrorCode.NO_DOMAIN,
                VirErrorDomain.TEST, null));
        try (h) {
            return f.apply(h.value());
        }
    }

    /** The object of a client's handle, locked and referenced; libvirt resolves handles by uuid. */
    private ObjectHandle<TestDomain> handle(DomainRef ref) {
        return state.domains.findByUuid(ref.uuid()).orElseThrow(() -> noDomain(ref));
    }

    private static VirException noDomain(DomainRef ref) {
        return new VirException(VirErrorCode.NO_DOMAIN, VirErrorDomain.TEST, String.format(
                "no domain with matching uuid '%s' (%s)", ref.uuid(), ref.name()));
    }

    private <R> R readDomain(DomainRef ref, Function<TestDomain, R> f) {
        try (ObjectHandle<TestDomain> h = handle(ref)) {
            return f.apply(h.value());
        }
    }

    // ---- reads ----

    @Override
    public DomainInfo info(DomainRef ref) {
        return readDomain(ref, d -> new DomainInfo(d.state(), d.def().memoryKiB(), d.def().currentMemoryKiB(),
                d.def().currentVcpus(), fakeCpuTimeNs()));
    }

    /** The test driver's cpu time: the wall clock in nanoseconds, so it keeps growing. */
    private static long fakeCpuTimeNs() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano() / 1000 * 1000L;
    }

    @Override
    public DomainState state(DomainRef ref, int flags) {
        Errors.checkFlags("testDomainGetState", flags, 0);
        return readDomain(ref, d -> new DomainState(d.state(), d.reason()));
    }

    @Override
    public String xmlDesc(DomainRef ref, int flags) {
        return readDomain(ref, d -> {
            boolean inactive = (flags & XML_INACTIVE) != 0;
            DomainDefinition def = inactive && d.pending() != null ? d.pending() : d.def();
            return DomainXml.format(def, inactive ? -1 : d.id(), flags);
        });
    }

    @Override
    public String osType(DomainRef ref) {
        return "linux";
    }

    @Override
    public boolean autostart(DomainRef ref) {
        return readDomain(ref, TestDomain::autostart);
    }

    @Override
    public boolean isActive(DomainRef ref) {
        return readDomain(ref, TestDomain::active);
    }

    @Override
    public boolean isPersistent(DomainRef ref) {
        return readDomain(ref, TestDomain::persistent);
    }

    @Override
    public boolean isUpdated(DomainRef ref) {
        return false;
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
        Errors.checkFlags("testDomainGetVcpusFlags", flags, AFFECT_LIVE | AFFECT_CONFIG | VCPU_MAXIMUM);
        return readDomain(ref, d -> {
            DomainDefinition def = definitionFor(d, flags);
            return (flags & VCPU_MAXIMUM) != 0 ? def.vcpus() : def.currentVcpus();
        });
    }

    /** The definition LIVE / CONFIG flags select; LIVE on an inactive domain is an error. */
    private static DomainDefinition definitionFor(TestDomain d, int flags) {
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
            throw notRunning();
        }
        if (config) {
            if (!d.persistent()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.DOMAIN,
                        "transient domains do not have any persistent config");
            }
            return d.persistentDef();
        }
        return d.def();
    }

    @Override
    public List<VcpuInfo> vcpuInfo(DomainRef ref, int max, int mapLength) {
        return readDomain(ref, d -> {
            if (!d.active()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST,
                        "cannot list vcpus for an inactive domain");
            }
            int hostCpus = state.host.nodeInfo().cpus();
            long cpuTime = fakeCpuTimeNs() / 10_000;
            List<VcpuInfo> out = new ArrayList<>();
            for (int i = 0; i < Math.min(max, d.def().currentVcpus()); i++) {
                out.add(new VcpuInfo(i, 1, cpuTime, hostCpus - 1, allCpus(hostCpus, mapLength)));
            }
            return out;
        });
    }

    @Override
    public List<byte[]> vcpuPinInfo(DomainRef ref, int max, int mapLength, int flags) {
        return readDomain(ref, d -> {
            DomainDefinition def = definitionFor(d, flags);
            int hostCpus = state.host.nodeInfo().cpus();
            List<byte[]> out = new ArrayList<>();
            for (int i = 0; i < Math.min(max, def.vcpus()); i++) {
                out.add(allCpus(hostCpus, mapLength));
            }
            return out;
        });
    }

    @Override
    public byte[] emulatorPinInfo(DomainRef ref, int mapLength, int flags) {
        return readDomain(ref, d -> {
            definitionFor(d, flags);
            return allCpus(state.host.nodeInfo().cpus(), mapLength);
        });
    }

    /** libvirt's "domain is not running" (its common active check, reported under DOMAIN). */
    private static VirException notRunning() {
        return new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.DOMAIN, "domain is not running");
    }

    /** A cpu map with the first {@code cpus} bits set, {@code length} bytes long. */
    private static byte[] allCpus(int cpus, int length) {
        byte[] map = new byte[length];
        for (int cpu = 0; cpu < cpus && cpu / 8 < length; cpu++) {
            map[cpu / 8] |= (byte) (1 << (cpu % 8));
        }
        return map;
    }

    @Override
    public boolean hasManagedSaveImage(DomainRef ref, int flags) {
        Errors.checkFlags("testDomainHasManagedSaveImage", flags, 0);
        return readDomain(ref, TestDomain::managedSave);
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
        return readDomain(ref, d -> new SecurityLabel(d.active() ? "libvirt-test" : "", d.active()));
    }

    @Override
    public List<String> messages(DomainRef ref, int flags) {
        Errors.checkFlags("testDomainGetMessages", flags, 3);
        return readDomain(ref, d -> List.of());
    }

    @Override
    public String schedulerType(DomainRef ref) {
        return "fair";
    }

    @Override
    public List<TypedParameter> schedulerParameters(DomainRef ref, int flags) {
        Errors.checkFlags("testDomainGetSchedulerParametersFlags", flags, 0);
        return readDomain(ref, d -> List.of(TypedParameter.ofUnsignedInt("weight", 50)));
    }

    // ---- changes ----

    @Override
    public DomainRef define(String xml, int flags) {
        Errors.checkFlags("testDomainDefineXMLFlags", flags, 1);
        DomainDefinition parsed = DomainXml.parse(xml).withGeneratedIfnames();
        DomainEvent event;
        DomainRef result;
        ObjectHandle<TestDomain> existing;
        try (LockGuard driver = state.lock.acquire()) {
            existing = existingForDefine(parsed);
            if (existing == null) {
                TestDomain fresh = new TestDomain(parsed, null, -1, DomainState.SHUTOFF, SHUTOFF_UNKNOWN, true, false,
                        false);
                try (ObjectHandle<TestDomain> added = state.domains.addIfAbsent(fresh).orElseThrow(() ->
                        new VirException(VirErrorCode.OPERATION_FAILED, VirErrorDomain.DOMAIN, "domain '"
                                + parsed.name() + "' already exists"))) {
                    result = added.value().ref();
                }
            } else {
                result = null;
            }
        }
        if (existing == null) {
            state.domainEvents.emit(new DomainEvent(result, DomainEvent.DEFINED, DEFINED_ADDED));
            return result;
        }
        ObjectHandle<TestDomain> h = existing;
        try (h) {
            h.job().beginJob("virDomainDefineXML");
            try {
                if (h.isListed()) {
                    TestDomain d = h.value();
                    boolean wasPersistent = d.persistent();
                    TestDomain updated = d.active() ? d.withPending(parsed).withPersistent(true)
                            : d.withDef(parsed).withPersistent(true);
                    h.update(updated);
                    result = updated.ref();
                    event = new DomainEvent(result, DomainEvent.DEFINED, wasPersistent ? DEFINED_UPDATED
                            : DEFINED_ADDED);
                } else {
                    event = null;
                }
            } finally {
                h.job().endJob();
            }
        }
        if (event == null) {
            return define(xml, flags); // it was undefined while this call waited for its job: define afresh
        }
        state.domainEvents.emit(event);
        return result;
    }

    /**
     * The existing domain a definition replaces, locked, or null when it is new. The same name with
     * another uuid, or the same uuid with another name, is refused as libvirt refuses it.
     */
    private ObjectHandle<TestDomain> existingForDefine(DomainDefinition parsed) {
        return state.domains.findForDefinition(parsed.name(), parsed.uuid(), VirErrorDomain.DOMAIN).orElse(null);
    }

    @Override
    public DomainRef createXml(String xml, int flags) {
        Errors.checkFlags("testDomainCreateXML", flags, START_VALIDATE);
        DomainDefinition parsed = DomainXml.parse(xml).withGeneratedIfnames();
        DomainRef result;
        ObjectHandle<TestDomain> existing;
        try (LockGuard driver = state.lock.acquire()) {
            existing = existingForDefine(parsed);
            if (existing != null && existing.value().active()) {
                existing.close();
                throw alreadyActive(parsed.name());
            }
            if (existing == null) {
                TestDomain fresh = new TestDomain(parsed, null, state.nextDomainId.getAndIncrement(),
                        DomainState.RUNNING, RUNNING_BOOTED, false, false, false);
                try (ObjectHandle<TestDomain> h = state.domains.addIfAbsent(fresh).orElseThrow(() ->
                        new VirException(VirErrorCode.OPERATION_FAILED, VirErrorDomain.DOMAIN, "domain '"
                                + parsed.name() + "' already exists"))) {
                    result = h.value().ref();
                }
            } else {
                result = null;
            }
        }
        if (existing == null) {
            state.domainEvents.emit(new DomainEvent(result, DomainEvent.STARTED, STARTED_BOOTED));
            return result;
        }
        // An inactive persistent domain with this name and uuid: it starts on the new XML, and its
        // definition stays the persistent config (libvirt's AssignDef with LIVE).
        ObjectHandle<TestDomain> h = existing;
        Change change;
        try (h) {
            h.job().beginJob("virDomainCreateXML");
            try {
                TestDomain d = h.value();
                if (!h.isListed()) {
                    change = null;
                } else if (d.active()) {
                    throw alreadyActive(d.name());
                } else {
                    TestDomain started = d.withPending(d.def()).withDef(parsed).started(
                            state.nextDomainId.getAndIncrement(), DomainState.RUNNING, RUNNING_BOOTED)
                            .withManagedSave(false);
                    h.update(started);
                    change = new Change(started.ref(), new DomainEvent(started.ref(), DomainEvent.STARTED,
                            STARTED_BOOTED));
                }
            } finally {
                h.job().endJob();
            }
        }
        if (change == null) {
            return createXml(xml, flags); // it was undefined while this call waited for its job
        }
        state.domainEvents.emit(change.event());
        return change.result();
    }

    private static VirException alreadyActive(String name) {
        return new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.DOMAIN, String.format(
                "domain '%s' is already active", name));
    }

    /** The outcome of one state change: the handle after it and the event to emit, if any. */
    private record Change(DomainRef result, DomainEvent event) {
    }

    /** Runs {@code body} as a job on the domain; emits the event after every lock is released. */
    private Change job(DomainRef ref, String api, Function<ObjectHandle<TestDomain>, Change> body) {
        Change change;
        try (ObjectHandle<TestDomain> h = handle(ref)) {
            h.job().beginJob(api);
            try {
                if (!h.isListed()) {
                    throw noDomain(ref); // removed (undefined, stopped transient) while this call waited
                }
                change = body.apply(h);
            } finally {
                h.job().endJob();
            }
        }
        if (change.event() != null) {
            state.domainEvents.emit(change.event());
        }
        return change;
    }

    @Override
    public DomainRef create(DomainRef ref, int flags) {
        Errors.checkFlags("testDomainCreateWithFlags", flags, 0);
        return job(ref, "virDomainCreate", h -> {
            TestDomain d = h.value();
            if (d.state() != DomainState.SHUTOFF) {
                throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.TEST, String.format(
                        "Domain '%s' is already running", d.name()));
            }
            TestDomain started = d.started(state.nextDomainId.getAndIncrement(), DomainState.RUNNING, RUNNING_BOOTED)
                    .withManagedSave(false);
            h.update(started);
            return new Change(started.ref(), new DomainEvent(started.ref(), DomainEvent.STARTED, STARTED_BOOTED));
        }).result();
    }

    @Override
    public void destroy(DomainRef ref, int flags) {
        Errors.checkFlags("testDomainDestroyFlags", flags, 1);
        job(ref, "virDomainDestroy", h -> {
            TestDomain d = h.value();
            if (!d.active()) {
                throw notRunning();
            }
            return stop(h, SHUTOFF_DESTROYED, STOPPED_DESTROYED);
        });
    }

    /** Shuts the domain off; a transient one leaves the list. Caller owns the job. */
    private Change stop(ObjectHandle<TestDomain> h, int reason, int detail) {
        TestDomain stopped = h.value().stopped(reason);
        DomainEvent event = new DomainEvent(stopped.ref(), DomainEvent.STOPPED, detail);
        if (stopped.persistent()) {
            h.update(stopped);
        } else {
            state.domains.remove(h);
        }
        return new Change(stopped.ref(), event);
    }

    @Override
    public void suspend(DomainRef ref) {
        job(ref, "virDomainSuspend", h -> {
            TestDomain d = h.value();
            if (d.state() == DomainState.SHUTOFF || d.state() == DomainState.PAUSED) {
                throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.TEST, String.format(
                        "domain '%s' not running", d.name()));
            }
            TestDomain paused = d.withState(DomainState.PAUSED, PAUSED_USER);
            h.update(paused);
            return new Change(paused.ref(), new DomainEvent(paused.ref(), DomainEvent.SUSPENDED, SUSPENDED_PAUSED));
        });
    }

    @Override
    public void resume(DomainRef ref) {
        job(ref, "virDomainResume", h -> {
            TestDomain d = h.value();
            if (d.state() != DomainState.PAUSED) {
                throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.TEST, String.format(
                        "domain '%s' not paused", d.name()));
            }
            TestDomain running = d.withState(DomainState.RUNNING, RUNNING_UNPAUSED);
            h.update(running);
            return new Change(running.ref(), new DomainEvent(running.ref(), DomainEvent.RESUMED, RESUMED_UNPAUSED));
        });
    }

    @Override
    public void shutdown(DomainRef ref, int flags) {
        Errors.checkFlags("testDomainShutdownFlags", flags, 0);
        job(ref, "virDomainShutdown", h -> {
            TestDomain d = h.value();
            if (d.state() == DomainState.SHUTOFF) {
                throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.TEST, String.format(
                        "domain '%s' not running", d.name()));
            }
            return powerAction(h, d.def().onPoweroff(), "destroy");
        });
    }

    @Override
    public void reboot(DomainRef ref, int flags) {
        Errors.checkFlags("testDomainReboot", flags, 31);
        job(ref, "virDomainReboot", h -> {
            if (!h.value().active()) {
                throw notRunning();
            }
            return powerAction(h, h.value().def().onReboot(), "restart");
        });
    }

    /**
     * What a guest power-off or reboot leads to, by its on_poweroff / on_reboot action: a restart
     * keeps it running (booted, same id, no event); anything else shuts it off. Caller owns the job.
     */
    private Change powerAction(ObjectHandle<TestDomain> h, String action, String dflt) {
        String a = action == null ? dflt : action;
        if (a.equals("restart") || a.equals("rename-restart")) {
            TestDomain running = h.value().withState(DomainState.RUNNING, RUNNING_BOOTED);
            h.update(running);
            return new Change(running.ref(), null);
        }
        return stop(h, SHUTOFF_SHUTDOWN, STOPPED_SHUTDOWN);
    }

    @Override
    public void undefine(DomainRef ref, int flags) {
        Errors.checkFlags("testDomainUndefineFlags", flags, UNDEFINE_MANAGED_SAVE | 2);
        job(ref, "virDomainUndefine", h -> {
            TestDomain d = h.value();
            if (d.managedSave() && (flags & UNDEFINE_MANAGED_SAVE) == 0) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST,
                        "Refusing to undefine while domain managed save image exists");
            }
            DomainEvent event = new DomainEvent(d.ref(), DomainEvent.UNDEFINED, UNDEFINED_REMOVED);
            if (d.active()) {
                h.update(d.withPersistent(false).withManagedSave(false));
            } else {
                state.domains.remove(h);
            }
            return new Change(d.ref(), event);
        });
    }

    @Override
    public void setAutostart(DomainRef ref, boolean autostart) {
        job(ref, "virDomainSetAutostart", h -> {
            TestDomain d = h.value();
            h.update(d.withAutostart(autostart));
            return new Change(d.ref(), null);
        });
    }

    @Override
    public void setMemory(DomainRef ref, long kib, int flags) {
        Errors.checkFlags("testDomainSetMemoryFlags", flags, AFFECT_LIVE | AFFECT_CONFIG | MEM_MAXIMUM);
        job(ref, "virDomainSetMemoryFlags", h -> {
            TestDomain d = h.value();
            DomainDefinition target = definitionFor(d, flags);
            boolean live = target == d.def() && d.active() && (flags & AFFECT_CONFIG) == 0;
            DomainDefinition changed;
            if ((flags & MEM_MAXIMUM) != 0) {
                if (live) {
                    throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST,
                            "cannot resize the maximum memory on an active domain");
                }
                changed = target.withMemory(kib, Math.min(kib, target.currentMemoryKiB()));
            } else {
                if (kib > target.memoryKiB()) {
                    throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST,
                            "cannot set memory higher than max memory");
                }
                changed = target.withMemory(target.memoryKiB(), kib);
            }
            h.update(apply(d, changed, live));
            return new Change(d.ref(), null);
        });
    }

    /** The domain with a changed live definition, or changed persistent one (pending while running). */
    private static TestDomain apply(TestDomain d, DomainDefinition changed, boolean live) {
        if (live || !d.active()) {
            return d.withDef(changed);
        }
        return d.withPending(changed);
    }

    @Override
    public void setVcpus(DomainRef ref, int count, int flags) {
        if (count == 0) {
            throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.DOMAIN,
                    "nvcpus in virDomainSetVcpusFlags must not be zero");
        }
        boolean maximum = (flags & VCPU_MAXIMUM) != 0;
        if (maximum && (flags & AFFECT_CONFIG) == 0) {
            throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.DOMAIN,
                    "Flag 'VIR_DOMAIN_AFFECT_CONFIG' is required by flag 'VIR_DOMAIN_VCPU_MAXIMUM'");
        }
        Errors.checkFlags("testDomainSetVcpusFlags", flags, AFFECT_LIVE | AFFECT_CONFIG | VCPU_MAXIMUM);
        if (count > MAX_VCPUS) {
            throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST, String.format(
                    "requested cpu amount exceeds maximum supported amount (%d > %d)", count, MAX_VCPUS));
        }
        job(ref, "virDomainSetVcpusFlags", h -> {
            TestDomain d = h.value();
            boolean live = (flags & AFFECT_LIVE) != 0;
            boolean config = (flags & AFFECT_CONFIG) != 0;
            if (!live && !config) {
                live = d.active();
                config = !live;
            }
            if (live && !d.active()) {
                throw notRunning();
            }
            if (config && !d.persistent()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.DOMAIN,
                        "transient domains do not have any persistent config");
            }
            if (live && count > d.def().vcpus()) {
                throw tooManyVcpus(count, d.def().vcpus());
            }
            if (config && !maximum && count > d.persistentDef().vcpus()) {
                throw tooManyVcpus(count, d.persistentDef().vcpus());
            }
            TestDomain updated = d;
            if (live) {
                updated = updated.withDef(updated.def().withVcpus(updated.def().vcpus(), count));
            }
            if (config) {
                DomainDefinition def = updated.persistentDef();
                DomainDefinition changed = maximum ? def.withVcpus(count, Math.min(count, def.currentVcpus()))
                        : def.withVcpus(def.vcpus(), count);
                updated = apply(updated, changed, false);
            }
            h.update(updated);
            return new Change(updated.ref(), null);
        });
    }

    private static VirException tooManyVcpus(int count, int max) {
        return new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST, String.format(
                "requested cpu amount exceeds maximum (%d > %d)", count, max));
    }

    @Override
    public void managedSaveRemove(DomainRef ref, int flags) {
        Errors.checkFlags("testDomainManagedSaveRemove", flags, 0);
        job(ref, "virDomainManagedSaveRemove", h -> {
            h.update(h.value().withManagedSave(false));
            return new Change(h.value().ref(), null);
        });
    }

    @Override
    public Subscription subscribe(DomainEventListener listener) {
        return state.domainEvents.subscribe(listener);
    }
}
