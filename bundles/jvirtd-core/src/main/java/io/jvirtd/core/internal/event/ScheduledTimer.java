package io.jvirtd.core.internal.event;

import java.time.Duration;

import io.jvirtd.api.event.LoopTimer;

/**
 * A timer of the {@link SelectorEventLoop}. Due time and sequence are changed only on the loop
 * thread (while the timer is out of the loop's queue); they order timers: earlier due first, then
 * earlier scheduled first.
 */
final class ScheduledTimer implements LoopTimer, Comparable<ScheduledTimer> {
    private final SelectorEventLoop loop; // immutable
    private final Runnable task; // immutable
    private final long periodNanos; // immutable; 0 for a one-shot timer
    private long dueNanos; // event-loop confined once scheduled
    private long sequence; // event-loop confined once scheduled
    private volatile boolean cancelled;

    ScheduledTimer(SelectorEventLoop loop, Runnable task, long dueNanos, long periodNanos, long sequence) {
        this.loop = loop;
        this.task = task;
        this.dueNanos = dueNanos;
        this.periodNanos = periodNanos;
        this.sequence = sequence;
    }

    @Override
    public void cancel() {
        cancelled = true;
        loop.runOnLoop(() -> loop.unscheduleOnLoop(this));
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void reschedule(Duration delay) {
        long due = System.nanoTime() + delay.toNanos();
        loop.runOnLoop(() -> loop.rescheduleOnLoop(this, due));
    }

    long dueNanos() {
        return dueNanos;
    }

    boolean repeating() {
        return periodNanos > 0;
    }

    void moveTo(long due, long seq) {
        dueNanos = due;
        sequence = seq;
    }

    void advance(long now, long seq) {
        moveTo(now + periodNanos, seq);
    }

    void run() {
        task.run();
    }

    @Override
    public int compareTo(ScheduledTimer other) {
        int byDue = Long.compare(dueNanos - other.dueNanos, 0);
        return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
    }
}
