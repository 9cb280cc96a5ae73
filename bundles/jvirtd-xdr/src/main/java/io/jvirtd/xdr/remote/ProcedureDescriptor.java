package io.jvirtd.xdr.remote;

import io.jvirtd.api.dispatch.Priority;
import io.jvirtd.xdr.codec.XdrCodec;
import io.jvirtd.xdr.codec.XdrCodecs;
import io.jvirtd.xdr.codec.XdrVoid;

/**
 * One procedure of a program, described once: everything a dispatcher needs to decode the call,
 * queue it, check access and encode the reply. Immutable.
 *
 * <p>A server-to-client message (an event, or connect_event_connection_closed) is described too,
 * with {@code message} true: it is never called, so its args are {@link XdrVoid} and {@code ret} is
 * the body the server sends in a packet of type MESSAGE with that procedure number. A dispatcher
 * answers a CALL of such a number as it answers an unknown procedure.
 *
 * @param program the program number
 * @param version the program version
 * @param number the procedure number
 * @param name the procedure's name in lower case as the protocol files spell it, e.g. {@code connect_open}
 * @param args the argument record ({@link XdrVoid} for none)
 * @param ret the result record ({@link XdrVoid} for none); for a message the body
 * @param priority HIGH if priority workers may run it ({@code @priority: high})
 * @param readOnlyAllowed true if a read-only connection may call it
 * @param message true if the server sends it as a MESSAGE and clients never call it
 */
public record ProcedureDescriptor(int program, int version, int number, String name, Class<?> args, Class<?> ret,
        Priority priority, boolean readOnlyAllowed, boolean message) {

    public ProcedureDescriptor {
        if (number <= 0) {
            throw new IllegalArgumentException("procedure number " + number + " of " + name + " must be positive");
        }
        if (!args.isRecord() || !ret.isRecord()) {
            throw new IllegalArgumentException("arguments and result of " + name + " must be records");
        }
        if (message && args != XdrVoid.class) {
            throw new IllegalArgumentException("message " + name + " has a body, not arguments");
        }
    }

    /** A procedure clients call. */
    public ProcedureDescriptor(int program, int version, int number, String name, Class<?> args, Class<?> ret,
            Priority priority, boolean readOnlyAllowed) {
        this(program, version, number, name, args, ret, priority, readOnlyAllowed, false);
    }

    /** The codec of the arguments (built once, cached). */
    public XdrCodec<?> argsCodec() {
        return XdrCodecs.of(args);
    }

    /** The codec of the result, or of a message's body (built once, cached). */
    public XdrCodec<?> retCodec() {
        return XdrCodecs.of(ret);
    }
}
