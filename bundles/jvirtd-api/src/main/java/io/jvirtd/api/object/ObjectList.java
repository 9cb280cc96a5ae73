package io.jvirtd.api.object;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

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

    /**
     * libvirt's rule for (re)defining an object: the object a definition named {@code name} with
     * {@code uuid} replaces, locked and referenced, or empty when the definition is new. The same uuid
     * under another name, or the same name under another uuid, is refused with
     * {@code VIR_ERR_OPERATION_FAILED} in {@code errorDomain}, with libvirt's words ("domain 'a' is
     * already defined with uuid …", "domain 'b' already exists with uuid …"; the kind is this list's).
     * The caller holds its driver lock (so nothing is added in between) and no object lock.
     */
    default Optional<ObjectHandle<T>> findForDefinition(String name, UUID uuid, VirErrorDomain errorDomain) {
        Optional<ObjectHandle<T>> byUuid = findByUuid(uuid);
        if (byUuid.isPresent()) {
            ObjectHandle<T> h = byUuid.get();
            if (!h.value().name().equals(name)) {
                String other = h.value().name();
                h.close();
                throw new VirException(VirErrorCode.OPERATION_FAILED, errorDomain,
                        String.format("%s '%s' is already defined with uuid %s", kind(), other, uuid));
            }
            return byUuid;
        }
        Optional<ObjectHandle<T>> byName = findByName(name);
        if (byName.isPresent()) {
            UUID other;
            try (ObjectHandle<T> h = byName.get()) {
                other = h.value().uuid();
            }
            throw new VirException(VirErrorCode.OPERATION_FAILED, errorDomain,
                    String.format("%s '%s' already exists with uuid %s", kind(), name, other));
        }
        return Optional.empty();
    }

    /** The values of all objects at one moment, in insertion order. */
    List<T> snapshot();

    int size();
}
