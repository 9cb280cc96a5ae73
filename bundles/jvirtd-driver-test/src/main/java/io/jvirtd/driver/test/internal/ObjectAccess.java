package io.jvirtd.driver.test.internal;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.object.Keyed;
import io.jvirtd.api.object.ObjectHandle;
import io.jvirtd.api.object.ObjectList;

/**
 * Look-ups and jobs on one object list, with the "not found" errors of its kind ("no network with
 * matching name 'x'"). Reads take the object lock only while copying; changes run inside a job.
 *
 * @param <T> the object value
 */
final class ObjectAccess<T extends Keyed> {
    private final ObjectList<T> list; // thread-safe
    private final VirErrorCode notFound; // immutable
    private final String kind; // immutable, as libvirt names it in messages

    ObjectAccess(ObjectList<T> list, VirErrorCode notFound, String kind) {
        this.list = list;
        this.notFound = notFound;
        this.kind = kind;
    }

    ObjectList<T> list() {
        return list;
    }

    ObjectHandle<T> byName(String name) {
        return list.findByName(name).orElseThrow(() -> notFound("no " + kind + " with matching name '" + name + "'"));
    }

    ObjectHandle<T> byUuid(UUID uuid) {
        return list.findByUuid(uuid).orElseThrow(() -> notFound("no " + kind + " with matching uuid '" + uuid + "'"));
    }

    /** The object a client's handle names; libvirt resolves handles by uuid and names both. */
    ObjectHandle<T> byHandle(UUID uuid, String name) {
        Optional<ObjectHandle<T>> h = list.findByUuid(uuid);
        return h.orElseThrow(() -> notFound("no " + kind + " with matching uuid '" + uuid + "' (" + name + ")"));
    }

    VirException notFound(String detail) {
        return new VirException(notFound, VirErrorDomain.TEST, detail);
    }

    static <T extends Keyed, R> R read(ObjectHandle<T> handle, Function<T, R> f) {
        try (handle) {
            return f.apply(handle.value());
        }
    }

    /** Runs {@code body} as a job named {@code api} on the object, then releases it. */
    static <T extends Keyed, R> R job(ObjectHandle<T> handle, String api, Function<ObjectHandle<T>, R> body) {
        try (handle) {
            handle.job().beginJob(api);
            try {
                return body.apply(handle);
            } finally {
                handle.job().endJob();
            }
        }
    }
}
