package io.jvirtd.api.driver;

/** A registered event listener; closing it stops the deliveries (idempotent). */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
