package io.jvirtd.api.event;

import java.nio.channels.SelectableChannel;

import org.osgi.annotation.versioning.ProviderType;

/** A channel watched by the {@link EventLoop}. Its methods may be called from any thread. */
@ProviderType
public interface IoRegistration {

    SelectableChannel channel();

    /** Replaces the interest set ({@link java.nio.channels.SelectionKey} OP_* bits; 0 pauses). */
    void setInterest(int interestOps);

    /** The interest set last asked for. */
    int interest();

    /** Stops watching the channel; the channel itself stays open (its owner closes it). */
    void cancel();

    boolean isCancelled();
}
