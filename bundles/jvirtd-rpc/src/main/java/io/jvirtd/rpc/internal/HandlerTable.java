package io.jvirtd.rpc.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.jvirtd.xdr.codec.XdrVoid;
import io.jvirtd.xdr.remote.ProcedureDescriptor;
import io.jvirtd.xdr.remote.RemoteProcedures;

/**
 * The behaviour of every REMOTE procedure jvirtd serves, by number. Each family of procedures
 * registers its handlers here; a handler's argument type is checked against the procedure table
 * when it is registered, so a wrong pairing fails at start-up, not on a client's call.
 */
final class HandlerTable {
    private final Map<Integer, ProcedureHandler<Object>> handlers = new HashMap<>();

    /** Registers the handler of a procedure whose arguments are {@code argsType}. */
    @SuppressWarnings("unchecked")
    <A> HandlerTable on(int procedure, Class<A> argsType, ProcedureHandler<A> handler) {
        ProcedureDescriptor p = RemoteProcedures.byNumber(procedure).orElseThrow(() ->
                new IllegalArgumentException("procedure " + procedure + " is not in the REMOTE table"));
        if (!p.args().equals(argsType)) {
            throw new IllegalArgumentException(p.name() + " takes " + p.args().getSimpleName() + ", not "
                    + argsType.getSimpleName());
        }
        if (handlers.putIfAbsent(procedure, (ProcedureHandler<Object>) handler) != null) {
            throw new IllegalArgumentException(p.name() + " has two handlers");
        }
        return this;
    }

    /** Registers a procedure without arguments. */
    HandlerTable on(int procedure, NoArgs handler) {
        return on(procedure, XdrVoid.class, (call, args) -> handler.call(call));
    }

    Optional<ProcedureHandler<Object>> handler(int procedure) {
        return Optional.ofNullable(handlers.get(procedure));
    }

    /** The numbers of the procedures with a handler. */
    java.util.Set<Integer> procedures() {
        return java.util.Collections.unmodifiableSet(handlers.keySet());
    }

    /** A handler of a procedure without arguments. */
    @FunctionalInterface
    interface NoArgs {
        Object call(Call call);
    }
}
