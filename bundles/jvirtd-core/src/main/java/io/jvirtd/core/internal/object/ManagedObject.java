package io.jvirtd.core.internal.object;

import java.util.concurrent.atomic.AtomicInteger;

import io.jvirtd.api.lock.OrderedLock;
import io.jvirtd.api.object.Keyed;
import io.jvirtd.core.internal.job.ObjectJobControl;

/**
 * One driver object: its value, its lock (level OBJECT), its reference count and its job control.
 * The list holds one reference while the object is listed; every handle and every active job holds
 * one more.
 */
public final class ManagedObject<T extends Keyed> {
    private final OrderedLock lock; // immutable
    private final ObjectJobControl job; // immutable
    private final AtomicInteger references = new AtomicInteger(1); // atomic; starts with the list's
    private volatile T value; // replaced under the object lock, read without it
    private volatile boolean listed = true; // cleared under the list lock

    ManagedObject(T value, OrderedLock lock, ObjectJobControl.Factory jobs, String kind) {
        this.value = value;
        this.lock = lock;
        this.job = jobs.create(this, kind);
    }

    public T value() {
        return value;
    }

    void setValueLocked(T newValue) {
        assert lock.isHeldByCurrentThread();
        value = newValue;
    }

    public OrderedLock lock() {
        return lock;
    }

    public ObjectJobControl job() {
        return job;
    }

    boolean listed() {
        return listed;
    }

    void unlist() {
        listed = false;
    }

    public void ref() {
        references.incrementAndGet();
    }

    public void unref() {
        int left = references.decrementAndGet();
        if (left < 0) {
            throw new IllegalStateException("reference count of " + lock.name() + " dropped below zero");
        }
    }

    /** The current reference count (diagnostics and tests). */
    public int references() {
        return references.get();
    }
}
