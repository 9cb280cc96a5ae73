package io.jvirtd.xdr.remote;

import io.jvirtd.api.dispatch.Priority;
import io.jvirtd.xdr.codec.XdrCodec;
import io.jvirtd.xdr.codec.XdrCodecs;

/**
 * One procedure of a program, described once: everything a dispatcher needs to decode the call,
 * queue it, check access and encode the reply. Immutable.
 *
 * @param program the program number
 * @param version the program version
 * @param number the procedure number
 * @param name the procedure's name in lower case as the protocol files spell it, e.g. {@code connect_open}
 * @param args the argument record ({@link io.jvirtd.xdr.codec.XdrVoid} for none)
 * @param ret the result record ({@link io.jvirtd.xdr.codec.XdrVoid} for none); for a MESSAGE the payload
 * @param priority HIGH if priority workers may run it ({@code @priority: high})
 * @param readOnlyAllowed true if a read-only connection may call it
 */
public record ProcedureDescriptor(int program, int version, int number, String name, Class<?> args, Class<?> ret,
        Priority priority, boolean readOnlyAllowed) {

    public ProcedureDescriptor {
        if (number <= 0) {
            throw new IllegalArgumentException("procedure number " + number + " of " + name + " must be positive");
        }
        if (!args.isRecord() || !ret.isRecord()) {
            throw new IllegalArgumentException("arguments and result of " + name + " must be records");
        }
    }

    /** The codec of the arguments (built once, cached). */
    public XdrCodec<?> argsCodec() {
        return XdrCodecs.of(args);
    }

    /** The codec of the result (built once, cached). */
    public XdrCodec<?> retCodec() {
        return XdrCodecs.of(ret);
    }
}
