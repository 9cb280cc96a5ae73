package io.jvirtd.core.internal.object;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.lock.LockFactory;
import io.jvirtd.api.lock.LockGuard;
import io.jvirtd.api.lock.LockLevel;
import io.jvirtd.api.lock.OrderedLock;
import io.jvirtd.api.object.Keyed;
import io.jvirtd.api.object.ObjectHandle;
import io.jvirtd.api.object.ObjectList;
import io.jvirtd.core.internal.job.ObjectJobControl;

/**
 * An {@link ObjectList} with three indexes (name, uuid, id) under one OBJECT_LIST lock. A look-up
 * references the object and takes its lock before the list lock is released, so the handle it
 * returns can never point at an object another thread is tearing down unseen.
 */
final class IndexedObjectList<T extends Keyed> implements ObjectList<T> {
    private final String kind; // immutable
    private final VirErrorDomain errorDomain; // immutable
    private final LockFactory locks; // immutable
    private final ObjectJobControl.Factory jobs; // immutable
    private final OrderedLock listLock; // immutable
    private final Map<String, ManagedObject<T>> byName = new LinkedHashMap<>(); // guarded by listLock
    private final Map<UUID, ManagedObject<T>> byUuid = new HashMap<>(); // guarded by listLock
    private final Map<Integer, ManagedObject<T>> byId = new HashMap<>(); // guarded by listLock

    IndexedObjectList(String kind, VirErrorDomain errorDomain, LockFactory locks, ObjectJobControl.Factory jobs) {
        this.kind = kind;
        this.errorDomain = errorDomain;
        this.locks = locks;
        this.jobs = jobs;
        this.listLock = locks.create(LockLevel.OBJECT_LIST, kind + " list");
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Optional<ObjectHandle<T>> addIfAbsent(T value) {
        try (LockGuard ignored = listLock.acquire()) {
            if (byName.containsKey(value.name()) || byUuid.containsKey(value.uuid())
                    || (value.id() >= 0 && byId.containsKey(value.id()))) {
                return Optional.empty();
            }
            ManagedObject<T> object = new ManagedObject<>(value,
                    locks.create(LockLevel.OBJECT, kind + " " + value.name()), jobs, kind);
            indexLocked(object, value);
            return Optional.of(handOutLocked(object));
        }
    }

    @Override
    public Optional<ObjectHandle<T>> findByName(String name) {
        return find(byName, name);
    }

    @Override
    public Optional<ObjectHandle<T>> findByUuid(UUID uuid) {
        return find(byUuid, uuid);
    }

    @Override
    public Optional<ObjectHandle<T>> findById(int id) {
        return id < 0 ? Optional.empty() : find(byId, id);
    }

    @Override
    public void remove(ObjectHandle<T> handle) {
        ManagedObject<T> object = own(handle);
        requireObjectLock(object);
        object.lock().release();
        try (LockGuard ignored = listLock.acquire()) {
            object.lock().acquire();
            if (object.listed()) {
                unindexLocked(object, object.value());
                object.unlist();
                object.unref();
            }
        }
    }

    /** Replaces a value, re-indexing when its keys changed (see {@link ObjectHandle#update}). */
    void update(ManagedObjectHandle<T> handle, T newValue) {
        ManagedObject<T> object = handle.object();
        requireObjectLock(object);
        T old = object.value();
        if (!object.listed() || sameKeys(old, newValue)) {
            object.setValueLocked(newValue);
            return;
        }
        object.lock().release();
        try (LockGuard ignored = listLock.acquire()) {
            object.lock().acquire();
            T current = object.value();
            ManagedObject<T> clash = firstClashLocked(object, newValue);
            if (clash != null) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, errorDomain,
                        kind + " '" + newValue.name() + "' cannot take the name, uuid or id of another " + kind);
            }
            unindexLocked(object, current);
            object.setValueLocked(newValue);
            indexLocked(object, newValue);
        }
    }

    @Override
    public List<T> snapshot() {
        try (LockGuard ignored = listLock.acquire()) {
            List<T> values = new ArrayList<>(byName.size());
            for (ManagedObject<T> object : byName.values()) {
                values.add(object.value());
            }
            return values;
        }
    }

    @Override
    public int size() {
        try (LockGuard ignored = listLock.acquire()) {
            return byName.size();
        }
    }

    private <K> Optional<ObjectHandle<T>> find(Map<K, ManagedObject<T>> index, K key) {
        try (LockGuard ignored = listLock.acquire()) {
            ManagedObject<T> object = index.get(key);
            return object == null ? Optional.empty() : Optional.of(handOutLocked(object));
        }
    }

    /** References the object and takes its lock; the list lock is still held (OBJECT_LIST → OBJECT). */
    private ObjectHandle<T> handOutLocked(ManagedObject<T> object) {
        assert listLock.isHeldByCurrentThread();
        object.ref();
        try {
            object.lock().acquire();
        } catch (RuntimeException e) {
            object.unref();
            throw e;
        }
        return new ManagedObjectHandle<>(this, object);
    }

    private void indexLocked(ManagedObject<T> object, T value) {
        assert listLock.isHeldByCurrentThread();
        byName.put(value.name(), object);
        byUuid.put(value.uuid(), object);
        if (value.id() >= 0) {
            byId.put(value.id(), object);
        }
    }

    private void unindexLocked(ManagedObject<T> object, T value) {
        assert listLock.isHeldByCurrentThread();
        byName.remove(value.name(), object);
        byUuid.remove(value.uuid(), object);
        if (value.id() >= 0) {
            byId.remove(value.id(), object);
        }
    }

    private ManagedObject<T> firstClashLocked(ManagedObject<T> self, T value) {
        assert listLock.isHeldByCurrentThread();
        for (ManagedObject<T> other : Arrays.asList(byName.get(value.name()), byUuid.get(value.uuid()),
                value.id() >= 0 ? byId.get(value.id()) : null)) {
            if (other != null && other != self) {
                return other;
            }
        }
        return null;
    }

    private static boolean sameKeys(Keyed a, Keyed b) {
        return Objects.equals(a.name(), b.name()) && Objects.equals(a.uuid(), b.uuid()) && a.id() == b.id();
    }

    private ManagedObject<T> own(ObjectHandle<T> handle) {
        if (!(handle instanceof ManagedObjectHandle<T> h) || h.list() != this) {
            throw new IllegalArgumentException("handle does not belong to this " + kind + " list");
        }
        return h.object();
    }

    private static void requireObjectLock(ManagedObject<?> object) {
        if (!object.lock().isHeldByCurrentThread()) {
            throw new IllegalStateException("the caller must hold the lock of " + object.lock().name());
        }
    }
}
