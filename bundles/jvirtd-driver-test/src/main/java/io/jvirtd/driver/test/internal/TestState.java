package io.jvirtd.driver.test.internal;

import java.util.concurrent.atomic.AtomicInteger;

import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.lock.LockFactory;
import io.jvirtd.api.lock.LockLevel;
import io.jvirtd.api.lock.OrderedLock;
import io.jvirtd.api.object.ObjectList;
import io.jvirtd.api.object.ObjectListFactory;

/**
 * The state one test URI serves (libvirt's test driver object): shared by every connection open on
 * that URI and discarded when the last one closes. Each object kind has its own list, each object
 * its own lock and job (from core's object model).
 *
 * <p>Locks: {@link #lock} is this state's driver lock (level DRIVER). It is held only to make a
 * look-up and an insertion one step (define, create of a transient object), never across a job or
 * an event emission. Object locks (OBJECT) come from the lists.
 */
final class TestState {
    final String uri; // immutable
    final TestHost host; // immutable
    /** The driver lock of this state (DRIVER): guards define's look-up-then-add. */
    final OrderedLock lock; // immutable
    final ObjectList<TestDomain> domains; // thread-safe
    final ObjectList<TestNetwork> networks; // thread-safe
    final ObjectList<TestPool> pools; // thread-safe
    final ObjectList<TestNodeDevice> devices; // thread-safe
    final ObjectList<TestInterface> interfaces; // thread-safe
    final DomainEvents domainEvents = new DomainEvents(); // thread-safe
    /** The next domain id; ids are never reused while the state lives. */
    final AtomicInteger nextDomainId = new AtomicInteger(1);

    TestState(String uri, TestHost host, LockFactory locks, ObjectListFactory lists) {
        this.uri = uri;
        this.host = host;
        this.lock = locks.create(LockLevel.DRIVER, "test driver " + uri);
        this.domains = lists.create("domain", VirErrorDomain.TEST);
        this.networks = lists.create("network", VirErrorDomain.TEST);
        this.pools = lists.create("storage pool", VirErrorDomain.TEST);
        this.devices = lists.create("node device", VirErrorDomain.TEST);
        this.interfaces = lists.create("interface", VirErrorDomain.TEST);
    }
}
