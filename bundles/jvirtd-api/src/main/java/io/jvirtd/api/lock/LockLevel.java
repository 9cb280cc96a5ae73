package io.jvirtd.api.lock;

/**
 * The place of a lock in the hierarchy. Two chains exist and never mix:
 * <pre>
 *   RPC side:     SERVER &lt; CLIENT
 *   driver side:  DRIVER &lt; OBJECT_LIST &lt; OBJECT &lt; MONITOR
 * </pre>
 * A thread may take a lock only while every lock it already holds is on the same chain and has a
 * strictly lower rank. Taking a driver-side lock while holding an RPC-side one (or the reverse) is
 * a violation: no server or client lock is ever held while a driver call runs.
 */
public enum LockLevel {
    /** The server: its client list and limits. First on the RPC side. */
    SERVER(Chain.RPC, 10),
    /** One client: its rx/tx queues and state. The server lock may be dropped once this is held. */
    CLIENT(Chain.RPC, 20),
    /** One driver: its global state and the insertion into / lookup in its object lists. */
    DRIVER(Chain.DRIVER, 10),
    /** The index of one object list (by name, uuid, id). */
    OBJECT_LIST(Chain.DRIVER, 20),
    /** One domain / network / pool / volume / device object, and its job condition. */
    OBJECT(Chain.DRIVER, 30),
    /** One monitor connection (QEMU's QMP, UML's mconsole): held only around the monitor exchange. */
    MONITOR(Chain.DRIVER, 40);

    /** The two independent orders. */
    public enum Chain { RPC, DRIVER }

    private final Chain chain;
    private final int rank;

    LockLevel(Chain chain, int rank) {
        this.chain = chain;
        this.rank = rank;
    }

    public Chain chain() {
        return chain;
    }

    public int rank() {
        return rank;
    }

    /** True if a thread holding a lock at {@code held} may take a lock at this level. */
    public boolean mayFollow(LockLevel held) {
        return held.chain == chain && held.rank < rank;
    }
}
