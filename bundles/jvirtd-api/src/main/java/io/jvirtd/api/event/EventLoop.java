package io.jvirtd.api.event;

import java.nio.channels.SelectableChannel;
import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The event loop (seed 001): one thread, {@value #THREAD_NAME}, polls every registered channel
 * and runs every timer. Any thread may call this API; changes are queued and the loop is woken.
 * Callbacks run on the loop thread and must not block: they only do I/O and framing, and hand
 * real work to the worker pool. A callback that throws is logged and the loop goes on.
 */
@ProviderType
public interface EventLoop {

    /** The name of the loop thread. */
    String THREAD_NAME = "jvirtd-event-loop";

    /**
     * Watches a non-blocking channel for the given {@link java.nio.channels.SelectionKey} interest
     * operations. The registration takes effect on the loop shortly after this returns.
     */
    IoRegistration register(SelectableChannel channel, int interestOps, IoHandler handler);

    /** Runs {@code task} once on the loop after {@code delay}. */
    LoopTimer schedule(Duration delay, Runnable task);

    /** Runs {@code task} on the loop every {@code period}, the first time after {@code initialDelay}. */
    LoopTimer scheduleRepeating(Duration initialDelay, Duration period, Runnable task);

    /** Runs {@code task} on the loop as soon as possible. */
    void execute(Runnable task);

    /** True if the calling thread is the loop thread. */
    boolean inEventLoop();
}
