package io.jvirtd.api.object;

import io.jvirtd.api.job.JobControl;
import io.jvirtd.api.lock.OrderedLock;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A referenced object whose lock the calling thread took when it got the handle. Closing the
 * handle releases the lock if this thread still holds it and drops the reference. One handle
 * belongs to one thread.
 *
 * @param <T> the value type
 */
@ProviderType
public interface ObjectHandle<T extends Keyed> extends AutoCloseable {

    /** The current value (readable without the lock; it is replaced, never mutated). */
    T value();

    /**
     * Replaces the value. Requires the object lock. If the keys changed (a domain got an id), the
     * list's indexes are updated: this drops the object lock, takes the list lock, then the object
     * lock again, so the caller must hold no other driver-side lock.
     */
    void update(T newValue);

    /** The object lock (level OBJECT). */
    OrderedLock lock();

    /** The object's job condition and monitor lock (seed 004). */
    JobControl job();

    /** True while the object is in its list; false after {@link ObjectList#remove}. */
    boolean isListed();

    /** Releases the object lock if held by this thread and drops this handle's reference. */
    @Override
    void close();
}
