package io.jvirtd.xdr.remote;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.jvirtd.api.dispatch.Priority;
import io.jvirtd.xdr.codec.XdrCodecs;
import io.jvirtd.xdr.codec.XdrVoid;

/**
 * The procedures of one program and version, by number. Immutable once built. Building it builds
 * the codec of every argument and result record, so a record the codec cannot carry fails when the
 * table class is loaded, not at a client's first call.
 */
public final class ProcedureTable {
    private final String name; // immutable
    private final int program; // immutable
    private final int version; // immutable
    private final Map<Integer, ProcedureDescriptor> byNumber; // immutable, in the order described

    private ProcedureTable(Builder b) {
        this.name = b.name;
        this.program = b.program;
        this.version = b.version;
        this.byNumber = Collections.unmodifiableMap(new LinkedHashMap<>(b.byNumber));
        for (ProcedureDescriptor d : byNumber.values()) {
            d.argsCodec();
            d.retCodec();
        }
    }

    /** Starts the description of a program. */
    public static Builder builder(String name, int program, int version) {
        return new Builder(name, program, version);
    }

    /** The program's name, e.g. REMOTE. */
    public String name() {
        return name;
    }

    /** The program number. */
    public int program() {
        return program;
    }

    /** The program version. */
    public int version() {
        return version;
    }

    /** The procedure with that number, if the table describes it. */
    public Optional<ProcedureDescriptor> procedure(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /** Every procedure, in the order described. */
    public Collection<ProcedureDescriptor> procedures() {
        return byNumber.values();
    }

    /** Collects procedure descriptions; not thread-safe, used once in a static initialiser. */
    public static final class Builder {
        private final String name;
        private final int program;
        private final int version;
        private final Map<Integer, ProcedureDescriptor> byNumber = new LinkedHashMap<>();

        private Builder(String name, int program, int version) {
            this.name = name;
            this.program = program;
            this.version = version;
        }

        /** Describes one procedure clients call; a number described twice is an error. */
        public Builder add(int number, String procName, Class<?> args, Class<?> ret, Priority priority,
                boolean readOnlyAllowed) {
            return put(new ProcedureDescriptor(program, version, number, procName, args, ret, priority,
                    readOnlyAllowed, false));
        }

        /**
         * Describes a message the server sends with this procedure number and body; no
         * {@code @priority} and nothing to deny, as nobody calls it.
         */
        public Builder message(int number, String procName, Class<?> body) {
            return put(new ProcedureDescriptor(program, version, number, procName, XdrVoid.class, body,
                    Priority.NORMAL, true, true));
        }

        private Builder put(ProcedureDescriptor d) {
            int number = d.number();
            ProcedureDescriptor old = byNumber.putIfAbsent(number, d);
            if (old != null) {
                throw new IllegalStateException(name + " procedure " + number + " described twice: " + old.name()
                        + " and " + d.name());
            }
            return this;
        }

        public ProcedureTable build() {
            return new ProcedureTable(this);
        }
    }
}
