package io.jvirtd.core.internal.lock;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.jvirtd.api.lock.LockFactory;
import io.jvirtd.api.lock.LockInfo;
import io.jvirtd.api.lock.LockLevel;
import io.jvirtd.api.lock.OrderedLock;
import io.jvirtd.api.config.ConfigValues;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock hierarchy service. Configuration PID {@value #PID}: {@code lock_timeout} (seconds, the
 * deadline of every plain {@code acquire()}, default 30), {@code lock_check} (violations throw
 * instead of being logged; the system property {@code jvirtd.lock.check=true} forces it on, as in
 * every test run) and {@code lock_trace} (every acquisition records its stack, so a violation also
 * shows where the held lock was taken; off by default because capturing a stack per acquisition
 * was the largest single cost of an RPC call; {@code jvirtd.lock.trace=true} forces it on). The
 * order itself is always checked. All apply live.
 */
@Component(service = LockFactory.class, configurationPid = OrderedLockFactory.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public final class OrderedLockFactory implements LockFactory {
    static final String PID = "io.jvirtd.core";
    private static final Logger LOG = LoggerFactory.getLogger(OrderedLockFactory.class);
    private static final int DEFAULT_LOCK_TIMEOUT_S = 30;

    private final LockBook book = newBook();
    /** Volatile: replaced live by configuration, read on every acquire. */
    private volatile Duration lockTimeout = Duration.ofSeconds(DEFAULT_LOCK_TIMEOUT_S);

    /** A factory with defaults; checking as the system property says. */
    public OrderedLockFactory() {
    }

    /** A factory for tests: explicit checking and timeout, no configuration. */
    public OrderedLockFactory(boolean checking, Duration lockTimeout) {
        book.setChecking(checking);
        this.lockTimeout = lockTimeout;
    }

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        try {
            ConfigValues values = new ConfigValues(PID, properties);
            int timeout = values.intValue("lock_timeout", DEFAULT_LOCK_TIMEOUT_S, 1, 86_400);
            boolean check = values.booleanValue("lock_check", false) || forcedBySystemProperty();
            boolean trace = values.booleanValue("lock_trace", false) || Boolean.getBoolean("jvirtd.lock.trace");
            lockTimeout = Duration.ofSeconds(timeout);
            book.setChecking(check);
            book.setTracing(trace);
            LOG.info("lock hierarchy: lock_timeout={} s, order violations {}, acquisition stacks {}", timeout,
                    check ? "throw (lock_check on)" : "are logged", trace ? "recorded" : "not recorded");
        } catch (IllegalArgumentException e) {
            LOG.error("{}; keeping lock_timeout={} s, lock_check={}", e.getMessage(),
                    lockTimeout.toSeconds(), book.checking());
        }
    }

    @Override
    public OrderedLock create(LockLevel level, String name) {
        return new CheckedOrderedLock(name, level, book, () -> lockTimeout);
    }

    @Override
    public List<OrderedLock> heldByCurrentThread() {
        return book.heldByCurrentThread();
    }

    @Override
    public List<LockInfo> snapshot() {
        return book.snapshot();
    }

    @Override
    public Duration defaultTimeout() {
        return lockTimeout;
    }

    @Override
    public boolean checking() {
        return book.checking();
    }

    private static LockBook newBook() {
        LockBook b = new LockBook(forcedBySystemProperty());
        b.setTracing(Boolean.getBoolean("jvirtd.lock.trace"));
        return b;
    }

    private static boolean forcedBySystemProperty() {
        return Boolean.getBoolean("jvirtd.lock.check");
    }
}
