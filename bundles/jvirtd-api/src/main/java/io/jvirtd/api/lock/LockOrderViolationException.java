package io.jvirtd.api.lock;

/**
 * A thread tried to take a lock out of the hierarchy's order. This is a programming error; it is
 * thrown only while order checking is on ({@code jvirtd.lock.check=true}, always in tests).
 */
public class LockOrderViolationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public LockOrderViolationException(String message) {
        super(message);
    }
}
