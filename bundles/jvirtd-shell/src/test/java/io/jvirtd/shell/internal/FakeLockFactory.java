package io.jvirtd.shell.internal;

import java.time.Duration;
import java.util.List;

import io.jvirtd.api.lock.LockFactory;
import io.jvirtd.api.lock.LockInfo;
import io.jvirtd.api.lock.LockLevel;
import io.jvirtd.api.lock.OrderedLock;

/** A lock factory whose snapshot is a fixed list. Immutable. */
final class FakeLockFactory implements LockFactory {
    private final List<LockInfo> snapshot; // immutable

    FakeLockFactory(LockInfo... snapshot) {
        this.snapshot = List.of(snapshot);
    }

    @Override
    public OrderedLock create(LockLevel level, String name) {
        throw new UnsupportedOperationException("the shell never creates locks");
    }

    @Override
    public List<OrderedLock> heldByCurrentThread() {
        return List.of();
    }

    @Override
    public List<LockInfo> snapshot() {
        return snapshot;
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public boolean checking() {
        return true;
    }
}
