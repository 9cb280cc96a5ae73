package io.jvirtd.xdr.remote;

import static io.jvirtd.api.dispatch.Priority.HIGH;

import io.jvirtd.xdr.codec.XdrVoid;

/**
 * The KEEPALIVE program's two procedures. Both travel as MESSAGE packets with serial 0 and no
 * payload, and are answered in the event loop rather than queued; HIGH only says that if one ever
 * were queued it must not wait behind slow calls, or the peer would time the connection out.
 */
public final class KeepaliveProcedures {
    /** The table. */
    public static final ProcedureTable TABLE = ProcedureTable
            .builder("KEEPALIVE", KeepaliveProgram.PROGRAM, KeepaliveProgram.VERSION)
            .add(KeepaliveProgram.PING, "ping", XdrVoid.class, XdrVoid.class, HIGH, true)
            .add(KeepaliveProgram.PONG, "pong", XdrVoid.class, XdrVoid.class, HIGH, true)
            .build();

    private KeepaliveProcedures() {
    }
}
