package io.jvirtd.xdr.remote;

import io.jvirtd.api.dispatch.Priority;

/**
 * One procedure of a program, described once: everything the server's dispatcher needs.
 *
 * @param program the program number
 * @param version the program version
 * @param number the procedure number
 * @param name the procedure's name in the .x file, e.g. {@code connect_open}
 * @param args the argument record ({@link io.jvirtd.xdr.codec.XdrVoid} for none)
 * @param ret the result record ({@link io.jvirtd.xdr.codec.XdrVoid} for none)
 * @param priority HIGH if priority workers may run it ({@code @priority: high})
 * @param readOnlyAllowed true if a read-only connection may call it
 */
public record ProcedureDescriptor(int program, int version, int number, String name, Class<?> args, Class<?> ret,
        Priority priority, boolean readOnlyAllowed) {
}
