package io.jvirtd.api.object;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A driver's objects of one kind, indexed by name, uuid and id. Look-ups take the list lock
 * (level OBJECT_LIST), find the object, reference it, take its lock (OBJECT) and release the list
 * lock: they return a locked, referenced {@link ObjectHandle}. The caller must not hold any OBJECT
 * or MONITOR lock when calling a method of this list.
 *
 * @param <T> the value type
 */
@ProviderType
public interface ObjectList<T extends Keyed> {

    /** The kind of object, e.g. {@code "domain"}. */
    String kind();

    /** Adds the value unless its name or uuid is taken; empty if taken (look the other one up). */
    Optional<ObjectHandle<T>> addIfAbsent(T value);

    Optional<ObjectHandle<T>> findByName(String name);

    Optional<ObjectHandle<T>> findByUuid(UUID uuid);

    Optional<ObjectHandle<T>> findById(int id);

    /**
     * Removes the object of a handle whose lock the caller holds. The object lock is dropped, the
     * list lock taken, the object lock re-taken: on return the caller holds the object lock again.
     */
    void remove(ObjectHandle<T> handle);

    /** The values of all objects at one moment, in insertion order. */
    List<T> snapshot();

    int size();
}
