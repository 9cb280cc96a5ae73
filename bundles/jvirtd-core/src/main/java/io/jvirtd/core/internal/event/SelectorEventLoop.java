package io.jvirtd.core.internal.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.jvirtd.api.event.EventLoop;
import io.jvirtd.api.event.IoHandler;
import io.jvirtd.api.event.IoRegistration;
import io.jvirtd.api.event.LoopTimer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event loop (seed 001): one thread on a {@link Selector} that dispatches ready channels and
 * due timers. Its "self-contained lock" is the task queue: other threads never touch the selector's
 * keys or the timer queue, they queue a task and wake the selector.
 * <p>
 * Each turn: run queued tasks, run due timers, select until the next timer is due (or at once if
 * tasks are pending), dispatch ready keys. A callback that throws is logged; the loop goes on.
 */
@Component(service = EventLoop.class, immediate = true)
public final class SelectorEventLoop implements EventLoop {
    private static final Logger LOG = LoggerFactory.getLogger(SelectorEventLoop.class);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

    private final AtomicReference<LoopState> state = new AtomicReference<>(LoopState.NOT_STARTED);
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Set when a wakeup is pending, so many submitters cost one wakeup. */
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final AtomicLong timerSequence = new AtomicLong();
    private final PriorityQueue<ScheduledTimer> timers = new PriorityQueue<>(); // event-loop confined
    private volatile Selector selector; // set once in start()
    private volatile Thread thread; // set once in start()

    @Activate
    public void start() {
        if (!state.compareAndSet(LoopState.NOT_STARTED, LoopState.STARTED)) {
            throw new IllegalStateException("event loop already " + state.get());
        }
        try {
            selector = Selector.open();
        } catch (IOException e) {
            state.set(LoopState.TERMINATED);
            throw new UncheckedIOException("cannot open the event loop's selector", e);
        }
        Thread t = new Thread(this::run, THREAD_NAME);
        t.setDaemon(true);
        thread = t;
        t.start();
        LOG.info("event loop started on thread {}", THREAD_NAME);
    }

    @Deactivate
    public void stop() {
        if (!state.compareAndSet(LoopState.STARTED, LoopState.SHUTTING_DOWN)) {
            return;
        }
        selector.wakeup();
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(STOP_DEADLINE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                LOG.error("event loop did not stop within {} s; a callback is blocking it:{}",
                        STOP_DEADLINE.toSeconds(), stackOf(t));
            }
        }
    }

    /** True once the loop thread has finished. */
    public boolean isTerminated() {
        return state.get() == LoopState.TERMINATED;
    }

    @Override
    public IoRegistration register(SelectableChannel channel, int interestOps, IoHandler handler) {
        if (channel.isBlocking()) {
            throw new IllegalArgumentException("channel must be non-blocking: " + channel);
        }
        SelectorRegistration registration = new SelectorRegistration(this, channel, interestOps, handler);
        runOnLoop(() -> registration.attach(selector));
        return registration;
    }

    @Override
    public LoopTimer schedule(Duration delay, Runnable task) {
        return addTimer(delay, 0, task);
    }

    @Override
    public LoopTimer scheduleRepeating(Duration initialDelay, Duration period, Runnable task) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        return addTimer(initialDelay, period.toNanos(), task);
    }

    @Override
    public void execute(Runnable task) {
        LoopState s = state.get();
        if (s != LoopState.STARTED && s != LoopState.NOT_STARTED) {
            throw new IllegalStateException("event loop is " + s);
        }
        tasks.add(task);
        if (!inEventLoop() && wakeupPending.compareAndSet(false, true)) {
            Selector sel = selector;
            if (sel != null) {
                sel.wakeup();
            }
        }
    }

    @Override
    public boolean inEventLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} now if on the loop, else queues it; ignored once the loop is stopping. */
    void runOnLoop(Runnable task) {
        if (inEventLoop()) {
            task.run();
        } else if (state.get() == LoopState.STARTED || state.get() == LoopState.NOT_STARTED) {
            execute(task);
        }
    }

    void unscheduleOnLoop(ScheduledTimer timer) {
        assert inEventLoop();
        timers.remove(timer);
    }

    void rescheduleOnLoop(ScheduledTimer timer, long dueNanos) {
        assert inEventLoop();
        if (timer.isCancelled()) {
            return;
        }
        timers.remove(timer);
        timer.moveTo(dueNanos, timerSequence.incrementAndGet());
        timers.add(timer);
    }

    private LoopTimer addTimer(Duration delay, long periodNanos, Runnable task) {
        long due = System.nanoTime() + Math.max(0, delay.toNanos());
        ScheduledTimer timer = new ScheduledTimer(this, task, due, periodNanos, timerSequence.incrementAndGet());
        runOnLoop(() -> {
            if (!timer.isCancelled()) {
                timers.add(timer);
            }
        });
        return timer;
    }

    private void run() {
        try {
            while (state.get() == LoopState.STARTED) {
                runTasks();
                long waitNanos = runDueTimers();
                select(waitNanos);
                dispatchReadyKeys();
            }
        } catch (Throwable fatal) {
            LOG.error("event loop failed; no more I/O will be served", fatal);
        } finally {
            for (SelectionKey key : selector.keys()) {
                key.cancel();
            }
            try {
                selector.close();
            } catch (IOException e) {
                LOG.warn("closing the event loop's selector failed", e);
            }
            timers.clear();
            tasks.clear();
            state.set(LoopState.TERMINATED);
            LOG.info("event loop stopped");
        }
    }

    private void runTasks() {
        wakeupPending.set(false);
        Runnable task;
        while ((task = tasks.poll()) != null) {
            runGuarded(task, "task");
        }
    }

    /** Runs due timers; returns nanoseconds until the next one is due, or -1 if none is scheduled. */
    private long runDueTimers() {
        while (true) {
            ScheduledTimer next = timers.peek();
            if (next == null) {
                return -1;
            }
            long now = System.nanoTime();
            long wait = next.dueNanos() - now;
            if (wait > 0) {
                return wait;
            }
            timers.poll();
            if (next.isCancelled()) {
                continue;
            }
            if (next.repeating()) {
                next.advance(now, timerSequence.incrementAndGet());
                timers.add(next);
            }
            runGuarded(next::run, "timer");
        }
    }

    private void select(long waitNanos) throws IOException {
        if (!tasks.isEmpty()) {
            selector.selectNow();
        } else if (waitNanos < 0) {
            selector.select();
        } else {
            long millis = TimeUnit.NANOSECONDS.toMillis(waitNanos);
            if (millis == 0) {
                selector.selectNow();
            } else {
                selector.select(millis);
            }
        }
    }

    private void dispatchReadyKeys() {
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            if (!key.isValid()) {
                continue;
            }
            SelectorRegistration registration = (SelectorRegistration) key.attachment();
            int ready;
            try {
                ready = key.readyOps();
            } catch (java.nio.channels.CancelledKeyException e) {
                continue;
            }
            runGuarded(() -> registration.dispatch(ready), "I/O callback");
        }
    }

    private static void runGuarded(Runnable r, String what) {
        try {
            r.run();
        } catch (Throwable t) {
            LOG.error("event loop {} failed; the loop goes on", what, t);
        }
    }

    private static String stackOf(Thread t) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement e : t.getStackTrace()) {
            sb.append("\n\tat ").append(e);
        }
        return sb.toString();
    }
}
