package io.jvirtd.xdr.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.jvirtd.api.dispatch.Priority;
import io.jvirtd.xdr.codec.XdrVoid;

import org.junit.jupiter.api.Test;

class ProcedureTableTest {

    @Test
    void findsAProcedureByNumberAndKnowsItsProgram() {
        ProcedureDescriptor open = RemoteProcedures.TABLE.procedure(1).orElseThrow();
        assertEquals("connect_open", open.name());
        assertEquals(RemoteProgram.PROGRAM, open.program());
        assertEquals(ConnectOpenArgs.class, open.args());
        assertEquals(Priority.HIGH, open.priority());
        assertTrue(RemoteProcedures.TABLE.procedure(9999).isEmpty(), "unknown procedure");
        assertTrue(RemoteProcedures.TABLE.procedure(-1).isEmpty());
        assertEquals(0x6b656570, KeepaliveProcedures.TABLE.procedure(1).orElseThrow().program());
    }

    @Test
    void aNumberDescribedTwiceIsRefused() {
        ProcedureTable.Builder b = ProcedureTable.builder("TEST", 1, 1)
                .add(1, "first", XdrVoid.class, XdrVoid.class, Priority.NORMAL, true);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> b.add(1, "second", XdrVoid.class, XdrVoid.class, Priority.NORMAL, true));
        assertEquals("TEST procedure 1 described twice: first and second", e.getMessage());
    }

    record CarriesAMap(Map<String, String> map) {
    }

    @Test
    void aRecordTheCodecCannotCarryFailsWhenTheTableIsBuilt() {
        ProcedureTable.Builder b = ProcedureTable.builder("TEST", 1, 1)
                .add(1, "bad", CarriesAMap.class, XdrVoid.class, Priority.NORMAL, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("CarriesAMap.map"), e.getMessage());
    }

    @Test
    void argumentsAndResultsMustBeRecords() {
        assertThrows(IllegalArgumentException.class,
                () -> ProcedureTable.builder("TEST", 1, 1).add(1, "x", String.class, XdrVoid.class, Priority.NORMAL, true));
        assertThrows(IllegalArgumentException.class,
                () -> ProcedureTable.builder("TEST", 1, 1).add(0, "x", XdrVoid.class, XdrVoid.class, Priority.NORMAL, true));
    }

    @Test
    void aMessageHasABodyAndNoArguments() {
        ProcedureDescriptor closed = RemoteProcedures.TABLE.procedure(362).orElseThrow();
        assertTrue(closed.message());
        assertEquals(XdrVoid.class, closed.args());
        assertEquals(ConnectEventConnectionClosedMsg.class, closed.ret());
        assertFalse(RemoteProcedures.TABLE.procedure(316).orElseThrow().message(), "registration is a call");
        assertThrows(IllegalArgumentException.class, () -> new ProcedureDescriptor(1, 1, 1, "x", NameArgs.class,
                XdrVoid.class, Priority.NORMAL, true, true));
    }

    @Test
    void stateChangingCallsAreDeniedOnReadOnlyConnections() {
        for (int denied : new int[] {9, 10, 11, 12, 35, 204, 29, 39, 48, 78, 83, 93, 94, 131, 134}) {
            assertFalse(RemoteProcedures.TABLE.procedure(denied).orElseThrow().readOnlyAllowed(),
                    "procedure " + denied);
        }
        // 14 and 200 are denied only with some flags, which the driver checks
        for (int allowed : new int[] {14, 200, 16, 212, 273, 316}) {
            assertTrue(RemoteProcedures.TABLE.procedure(allowed).orElseThrow().readOnlyAllowed(),
                    "procedure " + allowed);
        }
    }
}
