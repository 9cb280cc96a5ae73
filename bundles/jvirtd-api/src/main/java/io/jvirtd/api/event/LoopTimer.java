package io.jvirtd.api.event;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/** A one-shot or repeating timer run by the {@link EventLoop}. Its methods may be called from any thread. */
@ProviderType
public interface LoopTimer {

    /** Stops the timer; a run already in progress finishes. */
    void cancel();

    boolean isCancelled();

    /** Moves the next run to {@code delay} from now (e.g. a keepalive timer reset by traffic). */
    void reschedule(Duration delay);
}
