package io.jvirtd.driver.qemu.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.event.EventLoop;
import io.jvirtd.api.lock.LockFactory;
import io.jvirtd.api.lock.LockLevel;
import io.jvirtd.api.lock.OrderedLock;
import io.jvirtd.api.object.ObjectList;
import io.jvirtd.api.object.ObjectListFactory;

/**
 * What one driver instance shares between its connections (libvirt's {@code virQEMUDriver}): the
 * domain list, the driver lock, the files, the event subscribers and the pool that runs QMP event
 * handlers.
 * <p>Locks: {@link #lock} is the driver lock (level DRIVER). It is held only to make a look-up and
 * an insertion into {@link #domains} one step (define, create of a transient domain, reattach),
 * never across a job, a file write, a process spawn or monitor I/O. Each domain's lock (OBJECT), job
 * and monitor lock (MONITOR) come from core's object list.
 */
final class QemuState {
    final QemuSettings settings; // immutable
    final StateFiles files; // immutable
    final LockFactory locks; // thread-safe
    final EventLoop loop; // thread-safe
    final ExecutorService eventPool; // thread-safe; runs each guest's SerialExecutor
    /** The driver lock (DRIVER): guards define's and create's look-up-then-add. */
    final OrderedLock lock; // immutable
    final ObjectList<QemuDomain> domains; // thread-safe
    final DomainEvents events = new DomainEvents(); // thread-safe
    final HostCapabilities host; // immutable
    /** The next domain id; never reused while the driver instance lives (and above every reattached id). */
    final AtomicInteger nextId = new AtomicInteger(1);

    QemuState(QemuSettings settings, LockFactory locks, ObjectListFactory lists, EventLoop loop,
            ExecutorService eventPool) {
        this.settings = settings;
        this.files = new StateFiles(settings.stateDir());
        this.locks = locks;
        this.loop = loop;
        this.eventPool = eventPool;
        this.lock = locks.create(LockLevel.DRIVER, "qemu driver");
        this.domains = lists.create("domain", VirErrorDomain.QEMU);
        this.host = new HostCapabilities(settings.emulator(), java.nio.file.Path.of("/dev/kvm"));
    }
}
