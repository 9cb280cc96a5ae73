package io.jvirtd.core.internal.object;

import io.jvirtd.api.job.JobControl;
import io.jvirtd.api.lock.OrderedLock;
import io.jvirtd.api.object.Keyed;
import io.jvirtd.api.object.ObjectHandle;

/** A thread's locked, referenced view of one {@link ManagedObject}. Confined to that thread. */
final class ManagedObjectHandle<T extends Keyed> implements ObjectHandle<T> {
    private final IndexedObjectList<T> list; // immutable
    private final ManagedObject<T> object; // immutable
    private boolean closed; // thread confined

    ManagedObjectHandle(IndexedObjectList<T> list, ManagedObject<T> object) {
        this.list = list;
        this.object = object;
    }

    IndexedObjectList<T> list() {
        return list;
    }

    ManagedObject<T> object() {
        return object;
    }

    @Override
    public T value() {
        return object.value();
    }

    @Override
    public void update(T newValue) {
        list.update(this, newValue);
    }

    @Override
    public OrderedLock lock() {
        return object.lock();
    }

    @Override
    public JobControl job() {
        return object.job();
    }

    @Override
    public boolean isListed() {
        return object.listed();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (object.lock().isHeldByCurrentThread()) {
            object.lock().release();
        }
        object.unref();
    }
}
