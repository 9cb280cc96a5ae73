package io.jvirtd.driver.test.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.lock.LockGuard;
import io.jvirtd.api.object.ObjectHandle;
import io.jvirtd.api.storage.PoolInfo;
import io.jvirtd.api.storage.PoolRef;
import io.jvirtd.api.storage.StorageDriver;
import io.jvirtd.api.storage.VolumeInfo;
import io.jvirtd.api.storage.VolumeRef;
import io.jvirtd.driver.test.internal.model.PoolXml;
import io.jvirtd.driver.test.internal.model.StoragePoolDefinition;
import io.jvirtd.driver.test.internal.model.StorageVolumeDefinition;
import io.jvirtd.driver.test.internal.model.VolumeXml;

/**
 * The storage calls of a test state. Volume calls lock the pool that holds the volume; a volume is
 * found by key or path by visiting the pools one at a time (never two pool locks at once).
 */
final class TestStorage implements StorageDriver {
    /** virConnectListAllStoragePoolsFlags handled here. */
    private static final int LIST_INACTIVE = 1;
    private static final int LIST_ACTIVE = 2;
    private static final int LIST_PERSISTENT = 4;
    private static final int LIST_TRANSIENT = 8;
    private static final int LIST_AUTOSTART = 16;
    private static final int LIST_NO_AUTOSTART = 32;
    private static final int POOL_RUNNING = 2;
    private static final int POOL_INACTIVE = 0;

    private final TestState state; // immutable
    private final ObjectAccess<TestPool> pools; // immutable

    TestStorage(TestState state) {
        this.state = state;
        this.pools = new ObjectAccess<>(state.pools, VirErrorCode.NO_STORAGE_POOL, "storage pool");
    }

    private ObjectHandle<TestPool> handle(PoolRef ref) {
        return pools.byUuid(ref.uuid());
    }

    private static VirException inactive(TestPool p) {
        return new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, String.format(
                "storage pool '%s' is not active", p.name()));
    }

    // ---- pools ----

    @Override
    public List<PoolRef> listAllPools(int flags) {
        List<PoolRef> out = new ArrayList<>();
        for (TestPool p : state.pools.snapshot()) {
            if (ListFilters.pair(flags, LIST_ACTIVE, LIST_INACTIVE, p.active()) && ListFilters.pair(flags, LIST_PERSISTENT, LIST_TRANSIENT,
                    p.persistent()) && ListFilters.pair(flags, LIST_AUTOSTART, LIST_NO_AUTOSTART, p.autostart())
                    && typeMatches(flags, p)) {
                out.add(p.ref());
            }
        }
        return out;
    }

    /** The per-type flags (DIR 64 upward) select pools of those types; none set selects all. */
    private static boolean typeMatches(int flags, TestPool p) {
        int typeFlags = flags & ~63;
        if (typeFlags == 0) {
            return true;
        }
        List<String> types = List.of("dir", "fs", "netfs", "logical", "disk", "iscsi", "scsi", "mpath", "rbd",
                "sheepdog", "gluster", "zfs", "vstorage", "iscsi-direct");
        int index = types.indexOf(p.def().type());
        return index >= 0 && (typeFlags & (64 << index)) != 0;
    }


    @Override
    public List<String> poolNames(boolean active, int max) {
        return state.pools.snapshot().stream().filter(p -> p.active() == active).map(TestPool::name)
                .limit(Math.max(0, max)).toList();
    }

    @Override
    public PoolRef lookupPoolByName(String name) {
        return ObjectAccess.read(pools.byName(name), TestPool::ref);
    }

    @Override
    public PoolRef lookupPoolByUuid(UUID uuid) {
        return ObjectAccess.read(pools.byUuid(uuid), TestPool::ref);
    }

    @Override
    public PoolRef lookupPoolByVolume(VolumeRef vol) {
        return ObjectAccess.read(pools.byName(vol.pool()), TestPool::ref);
    }

    @Override
    public PoolInfo poolInfo(PoolRef ref) {
        return ObjectAccess.read(handle(ref), p -> new PoolInfo(p.active() ? POOL_RUNNING : POOL_INACTIVE,
                p.def().capacity(), p.def().allocation(), p.def().available()));
    }

    @Override
    public String poolXmlDesc(PoolRef ref, int flags) {
        Errors.checkFlags("testStoragePoolGetXMLDesc", flags, 0);
        return ObjectAccess.read(handle(ref), p -> PoolXml.format(p.def()));
    }

    @Override
    public boolean isPoolActive(PoolRef ref) {
        return ObjectAccess.read(handle(ref), TestPool::active);
    }

    @Override
    public boolean isPoolPersistent(PoolRef ref) {
        return ObjectAccess.read(handle(ref), TestPool::persistent);
    }

    @Override
    public boolean poolAutostart(PoolRef ref) {
        return ObjectAccess.read(handle(ref), TestPool::autostart);
    }

    @Override
    public PoolRef definePool(String xml, int flags) {
        Errors.checkFlags("testStoragePoolDefineXML", flags, 1);
        StoragePoolDefinition parsed = PoolXml.parse(xml).withTestDefaults();
        return addPool(parsed, false, true);
    }

    @Override
    public PoolRef createPoolXml(String xml, int flags) {
        Errors.checkFlags("testStoragePoolCreateXML", flags, 7);
        StoragePoolDefinition parsed = PoolXml.parse(xml).withTestDefaults();
        return addPool(parsed, true, false);
    }

    /**
     * Adds a pool, in libvirt's order of checks: the same uuid under another name, the same name
     * under another uuid, then (CreateXML) the same pool already active. Defining an existing pool
     * again replaces an inactive one's definition; a running one keeps its live definition, its
     * size figures reset (what libvirt 9.0's test driver shows).
     */
    private PoolRef addPool(StoragePoolDefinition parsed, boolean active, boolean persistent) {
        ObjectHandle<TestPool> existing;
        try (LockGuard driver = state.lock.acquire()) {
            existing = existingPool(parsed);
            if (existing == null) {
                try (ObjectHandle<TestPool> h = state.pools.addIfAbsent(new TestPool(parsed, active, persistent,
                        false, List.of())).orElseThrow(() -> new VirException(VirErrorCode.OPERATION_FAILED,
                        VirErrorDomain.STORAGE, String.format("pool '%s' already exists", parsed.name())))) {
                    return h.value().ref();
                }
            }
            if (active) {
                boolean running = existing.value().active();
                existing.close();
                throw new VirException(running ? VirErrorCode.OPERATION_INVALID : VirErrorCode.OPERATION_FAILED,
                        VirErrorDomain.STORAGE, running ? "pool is already active as '" + parsed.name() + "'"
                        : String.format("pool '%s' already exists", parsed.name()));
            }
        }
        return ObjectAccess.job(existing, "virStoragePoolDefineXML", h -> {
            TestPool p = h.value();
            TestPool updated = p.active() ? p.with(p.def().withTestDefaults(), true, true, p.autostart())
                    : p.with(parsed, false, true, p.autostart());
            h.update(updated);
            return updated.ref();
        });
    }

    /** The pool with this name and uuid, locked, or null; a clash of one key is refused. */
    private ObjectHandle<TestPool> existingPool(StoragePoolDefinition parsed) {
        Optional<ObjectHandle<TestPool>> byUuid = state.pools.findByUuid(parsed.uuid());
        if (byUuid.isPresent()) {
            ObjectHandle<TestPool> h = byUuid.get();
            if (!h.value().name().equals(parsed.name())) {
                String other = h.value().name();
                h.close();
                throw new VirException(VirErrorCode.OPERATION_FAILED, VirErrorDomain.STORAGE, String.format(
                        "pool '%s' is already defined with uuid %s", other, parsed.uuid()));
            }
            return h;
        }
        Optional<ObjectHandle<TestPool>> byName = state.pools.findByName(parsed.name());
        if (byName.isPresent()) {
            UUID other;
            try (ObjectHandle<TestPool> h = byName.get()) {
                other = h.value().uuid();
            }
            throw new VirException(VirErrorCode.OPERATION_FAILED, VirErrorDomain.STORAGE, String.format(
                    "pool '%s' already exists with uuid %s", parsed.name(), other));
        }
        return null;
    }

    @Override
    public void createPool(PoolRef ref, int flags) {
        Errors.checkFlags("testStoragePoolCreate", flags, 7);
        ObjectAccess.job(handle(ref), "virStoragePoolCreate", h -> {
            TestPool p = h.value();
            if (p.active()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, String.format(
                        "storage pool '%s' is active", p.name()));
            }
            h.update(p.with(p.def(), true, p.persistent(), p.autostart()));
            return null;
        });
    }

    @Override
    public void buildPool(PoolRef ref, int flags) {
        Errors.checkFlags("testStoragePoolBuild", flags, 7);
        ObjectAccess.job(handle(ref), "virStoragePoolBuild", h -> {
            TestPool p = h.value();
            if (p.active()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, String.format(
                        "storage pool '%s' is active", p.name()));
            }
            return null;
        });
    }

    @Override
    public void destroyPool(PoolRef ref) {
        ObjectAccess.job(handle(ref), "virStoragePoolDestroy", h -> {
            TestPool p = h.value();
            if (!p.active()) {
                throw inactive(p);
            }
            if (p.persistent()) {
                h.update(p.with(p.def(), false, true, p.autostart()));
            } else {
                state.pools.remove(h);
            }
            return null;
        });
    }

    @Override
    public void deletePool(PoolRef ref, int flags) {
        Errors.checkFlags("testStoragePoolDelete", flags, 3);
        ObjectAccess.job(handle(ref), "virStoragePoolDelete", h -> {
            TestPool p = h.value();
            if (p.active()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, String.format(
                        "storage pool '%s' is active", p.name()));
            }
            return null;
        });
    }

    @Override
    public void undefinePool(PoolRef ref) {
        ObjectAccess.job(handle(ref), "virStoragePoolUndefine", h -> {
            TestPool p = h.value();
            if (p.active()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, String.format(
                        "storage pool '%s' is active", p.name()));
            }
            state.pools.remove(h);
            return null;
        });
    }

    @Override
    public void refreshPool(PoolRef ref, int flags) {
        Errors.checkFlags("testStoragePoolRefresh", flags, 0);
        ObjectAccess.read(handle(ref), p -> {
            if (!p.active()) {
                throw inactive(p);
            }
            return null;
        });
    }

    @Override
    public void setPoolAutostart(PoolRef ref, boolean autostart) {
        ObjectAccess.job(handle(ref), "virStoragePoolSetAutostart", h -> {
            TestPool p = h.value();
            if (!p.persistent()) {
                throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST, "pool has no config file");
            }
            h.update(p.with(p.def(), p.active(), true, autostart));
            return null;
        });
    }

    // ---- volumes ----

    @Override
    public List<VolumeRef> listAllVolumes(PoolRef ref, int flags) {
        Errors.checkFlags("testStoragePoolListAllVolumes", flags, 0);
        return ObjectAccess.read(handle(ref), p -> {
            if (!p.active()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST,
                        "storage pool is not active");
            }
            return p.volumes().stream().map(p::ref).toList();
        });
    }

    @Override
    public List<String> volumeNames(PoolRef ref, int max) {
        return ObjectAccess.read(handle(ref), p -> {
            if (!p.active()) {
                throw inactive(p);
            }
            return p.volumes().stream().map(StorageVolumeDefinition::name).limit(Math.max(0, max)).toList();
        });
    }

    @Override
    public VolumeRef lookupVolumeByName(PoolRef ref, String name) {
        return ObjectAccess.read(handle(ref), p -> {
            if (!p.active()) {
                throw inactive(p);
            }
            return p.ref(p.volume(name).orElseThrow(() -> noVolume("no storage vol with matching name '" + name
                    + "'")));
        });
    }

    @Override
    public VolumeRef lookupVolumeByKey(String key) {
        return findVolume(v -> v.key().equals(key), "no storage vol with matching key '" + key + "'");
    }

    @Override
    public VolumeRef lookupVolumeByPath(String path) {
        return findVolume(v -> path.equals(v.targetPath()), "no storage vol with matching path '" + path + "'");
    }

    /** Visits the active pools one at a time for a volume. */
    private VolumeRef findVolume(java.util.function.Predicate<StorageVolumeDefinition> match, String error) {
        for (TestPool snapshot : state.pools.snapshot()) {
            Optional<ObjectHandle<TestPool>> h = state.pools.findByUuid(snapshot.uuid());
            if (h.isEmpty()) {
                continue;
            }
            VolumeRef found = ObjectAccess.read(h.get(), p -> p.active() ? p.volumes().stream().filter(match)
                    .findFirst().map(p::ref).orElse(null) : null);
            if (found != null) {
                return found;
            }
        }
        throw noVolume(error);
    }

    private static VirException noVolume(String detail) {
        return new VirException(VirErrorCode.NO_STORAGE_VOL, VirErrorDomain.TEST, detail);
    }

    /** The pool holding a volume handle, locked; the volume must exist in it. */
    private ObjectHandle<TestPool> poolOf(VolumeRef vol) {
        return state.pools.findByName(vol.pool()).orElseThrow(() -> new VirException(VirErrorCode.NO_STORAGE_POOL,
                VirErrorDomain.TEST, "no storage pool with matching name '" + vol.pool() + "'"));
    }

    private static StorageVolumeDefinition volumeIn(TestPool p, VolumeRef vol) {
        if (!p.active()) {
            throw inactive(p);
        }
        return p.volume(vol.name()).orElseThrow(() -> noVolume("no storage vol with matching name '" + vol.name()
                + "'"));
    }

    @Override
    public VolumeRef createVolume(PoolRef ref, String xml, int flags) {
        Errors.checkFlags("testStorageVolCreateXML", flags, 0);
        StorageVolumeDefinition parsed = VolumeXml.parse(xml);
        return ObjectAccess.job(handle(ref), "virStorageVolCreateXML", h -> {
            TestPool p = h.value();
            if (!p.active()) {
                throw inactive(p);
            }
            if (p.volume(parsed.name()).isPresent()) {
                throw new VirException(VirErrorCode.OPERATION_FAILED, VirErrorDomain.TEST, "storage vol already exists");
            }
            StorageVolumeDefinition vol = parsed.createdIn(p.def());
            if (p.def().allocation() + vol.allocation() > p.def().capacity()) {
                throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.TEST, String.format(
                        "Not enough free space in pool for volume '%s'", vol.name()));
            }
            TestPool updated = p.plus(vol);
            h.update(updated);
            return updated.ref(vol);
        });
    }

    @Override
    public void deleteVolume(VolumeRef ref, int flags) {
        Errors.checkFlags("testStorageVolDelete", flags, 0);
        ObjectAccess.job(poolOf(ref), "virStorageVolDelete", h -> {
            TestPool p = h.value();
            h.update(p.minus(volumeIn(p, ref)));
            return null;
        });
    }

    @Override
    public VolumeInfo volumeInfo(VolumeRef ref, int flags) {
        return ObjectAccess.read(poolOf(ref), p -> {
            StorageVolumeDefinition v = volumeIn(p, ref);
            return new VolumeInfo(volumeType(v.type()), v.capacity(), v.allocation());
        });
    }

    private static int volumeType(String type) {
        return switch (type == null ? "file" : type) {
            case "block" -> 1;
            case "dir" -> 2;
            case "network" -> 3;
            case "netdir" -> 4;
            case "ploop" -> 5;
            default -> 0;
        };
    }

    @Override
    public String volumeXmlDesc(VolumeRef ref, int flags) {
        Errors.checkFlags("testStorageVolGetXMLDesc", flags, 0);
        return ObjectAccess.read(poolOf(ref), p -> VolumeXml.format(volumeIn(p, ref)));
    }

    @Override
    public String volumePath(VolumeRef ref) {
        return ObjectAccess.read(poolOf(ref), p -> volumeIn(p, ref).targetPath());
    }
}
