package io.jvirtd.driver.qemu.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: each guest's QMP events are
 * handled in order without a thread per guest, and a guest whose handler waits (for its job) holds
 * up only its own events. {@link #queue} and {@link #running} are guarded by {@code this}'s
 * intrinsic lock, which is a leaf (nothing is called while it is held), so it is outside the lock
 * hierarchy.
 */
final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    private final Executor pool; // thread-safe
    private final Queue<Runnable> queue = new ArrayDeque<>(); // guarded by this
    private boolean running; // guarded by this

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            queue.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("a QEMU event handler failed", e);
            }
        }
    }
}
