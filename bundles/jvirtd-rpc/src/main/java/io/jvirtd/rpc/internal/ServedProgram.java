package io.jvirtd.rpc.internal;

import java.util.function.BiFunction;

import io.jvirtd.xdr.message.Frame;
import io.jvirtd.xdr.remote.ProcedureTable;

/**
 * An RPC program a server answers (REMOTE, ADMIN, or the QEMU program beside REMOTE) and what runs
 * its calls on a worker, with no lock held, returning the whole reply. Immutable.
 *
 * @param table the program's procedures, priorities and layouts
 * @param dispatch runs one CALL of it, returns the reply message (length word included)
 */
record ServedProgram(ProcedureTable table, BiFunction<Client, Frame, byte[]> dispatch) {

    boolean answers(int program, int version) {
        return table.program() == program && table.version() == version;
    }
}
