package io.jvirtd.core.internal.event;

import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

import io.jvirtd.api.event.IoHandler;
import io.jvirtd.api.event.IoRegistration;

/**
 * A channel registered with the {@link SelectorEventLoop}. The selection key is created, changed
 * and cancelled only on the loop thread; other threads record what they want and queue a task.
 */
final class SelectorRegistration implements IoRegistration {
    private final SelectorEventLoop loop; // immutable
    private final SelectableChannel channel; // immutable
    private final IoHandler handler; // immutable
    private volatile int interest; // written by any thread, applied on the loop
    private volatile boolean cancelled;
    private SelectionKey key; // event-loop confined

    SelectorRegistration(SelectorEventLoop loop, SelectableChannel channel, int interest, IoHandler handler) {
        this.loop = loop;
        this.channel = channel;
        this.interest = interest;
        this.handler = handler;
    }

    @Override
    public SelectableChannel channel() {
        return channel;
    }

    @Override
    public void setInterest(int interestOps) {
        interest = interestOps;
        loop.runOnLoop(this::applyInterest);
    }

    @Override
    public int interest() {
        return interest;
    }

    @Override
    public void cancel() {
        cancelled = true;
        loop.runOnLoop(this::cancelKey);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** Registers the channel with the selector. Loop thread only. */
    void attach(Selector selector) {
        assert loop.inEventLoop();
        if (cancelled) {
            return;
        }
        try {
            key = channel.register(selector, interest, this);
        } catch (ClosedChannelException e) {
            cancelled = true;
        }
    }

    /** Called by the loop when the key is ready. Loop thread only. */
    void dispatch(int readyOps) {
        assert loop.inEventLoop();
        if (!cancelled) {
            handler.ready(this, readyOps);
        }
    }

    private void applyInterest() {
        assert loop.inEventLoop();
        if (key != null && key.isValid() && !cancelled) {
            key.interestOps(interest);
        }
    }

    private void cancelKey() {
        assert loop.inEventLoop();
        if (key != null) {
            key.cancel();
        }
    }
}
