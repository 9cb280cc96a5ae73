package io.jvirtd.xdr.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.jvirtd.api.dispatch.Priority;
import io.jvirtd.xdr.codec.Samples;
import io.jvirtd.xdr.codec.XdrCodec;
import io.jvirtd.xdr.codec.XdrCodecs;
import io.jvirtd.xdr.message.Frame;
import io.jvirtd.xdr.message.FrameDecoder;
import io.jvirtd.xdr.message.Frames;
import io.jvirtd.xdr.message.MessageHeader;
import io.jvirtd.xdr.message.MessageStatus;
import io.jvirtd.xdr.message.MessageType;
import io.jvirtd.xdr.remote.ProcedureDescriptor;
import io.jvirtd.xdr.remote.RemoteError;
import io.jvirtd.xdr.remote.RemoteTypedParam;
import io.jvirtd.xdr.remote.RemoteTypedParamValue.OfUInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ADMIN program's table, the round trip of its records, and replies captured from a real
 * libvirtd 9.0's admin socket, byte for byte.
 */
class AdminProceduresTest {

    /** Hex bytes; on each line, what follows two spaces is a comment. */
    private static byte[] hex(String s) {
        StringBuilder digits = new StringBuilder();
        for (String line : s.split("\n")) {
            digits.append(line.strip().split("  ", 2)[0].replace(" ", ""));
        }
        return HexFormat.of().parseHex(digits);
    }

    private static Frame decodeOne(byte[] wire) throws Exception {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(wire, 0, wire.length);
        Frame frame = decoder.next();
        assertEquals(0, decoder.buffered());
        return frame;
    }

    private static MessageHeader reply(int proc, int serial, MessageStatus status) {
        return new MessageHeader(AdminProgram.PROGRAM, 1, proc, MessageType.REPLY, serial, status);
    }

    @Test
    void theTableHasProceduresOneToNineteenAllNormal() {
        assertEquals("ADMIN", AdminProcedures.TABLE.name());
        assertEquals(0x06900690, AdminProcedures.TABLE.program());
        assertEquals(List.of(IntStream.rangeClosed(1, 19).boxed().toArray()),
                AdminProcedures.TABLE.procedures().stream().map(ProcedureDescriptor::number).toList());
        assertTrue(AdminProcedures.TABLE.procedures().stream().allMatch(p -> p.priority() == Priority.NORMAL));
        assertEquals("server_lookup_client", AdminProcedures.TABLE.procedure(9).orElseThrow().name());
        assertEquals("connect_close",
                AdminProcedures.TABLE.procedure(AdminProgram.CONNECT_CLOSE).orElseThrow().name());
    }

    static Stream<Class<?>> describedTypes() {
        return AdminProcedures.TABLE.procedures().stream().flatMap(p -> Stream.of(p.args(), p.ret())).distinct();
    }

    @ParameterizedTest
    @MethodSource("describedTypes")
    void everyDescribedTypeRoundTrips(Class<?> type) {
        roundTrip(type, true);
        roundTrip(type, false);
    }

    private static <T> void roundTrip(Class<T> type, boolean optionalsPresent) {
        XdrCodec<T> codec = XdrCodecs.of(type);
        T sample = Samples.of(type, optionalsPresent);
        byte[] bytes = codec.encode(sample);
        assertEquals(0, bytes.length % 4, type.getSimpleName());
        assertEquals(sample, codec.decode(bytes), type.getSimpleName());
    }

    @Test
    void threadpoolParametersReplyOfTheRealDaemon() throws Exception {
        byte[] wire = hex("""
                000000b0   length 176
                06900690   program ADMIN
                00000001   version 1
                00000006   procedure 6 server_get_threadpool_parameters
                00000001   type REPLY
                00000005   serial 5
                00000000   status OK
                00000006   6 parameters
                0000000a 6d696e576f726b6572730000   "minWorkers"
                00000002 00000005   UINT 5
                0000000a 6d6178576f726b6572730000   "maxWorkers"
                00000002 00000014   UINT 20
                00000008 6e576f726b657273   "nWorkers"
                00000002 00000005   UINT 5
                0000000b 66726565576f726b657273 00   "freeWorkers"
                00000002 00000005   UINT 5
                0000000b 7072696f576f726b657273 00   "prioWorkers"
                00000002 00000005   UINT 5
                0000000d 6a6f6251756575654465707468 000000   "jobQueueDepth"
                00000002 00000000   UINT 0
                """);
        ServerParametersRet ret = new ServerParametersRet(List.of(uint("minWorkers", 5), uint("maxWorkers", 20),
                uint("nWorkers", 5), uint("freeWorkers", 5), uint("prioWorkers", 5), uint("jobQueueDepth", 0)));
        assertArrayEquals(wire, Frames.encode(reply(6, 5, MessageStatus.OK),
                XdrCodecs.of(ServerParametersRet.class), ret));
        Frame frame = decodeOne(wire);
        assertEquals(ret, XdrCodecs.of(ServerParametersRet.class).decode(frame.payload()));
    }

    @Test
    void listClientsReplyOfTheRealDaemon() throws Exception {
        byte[] wire = hex("""
                00000044   length 68
                06900690 00000001 00000008 00000001   ADMIN v1, procedure 8 server_list_clients, REPLY
                0000000d 00000000   serial 13, status OK
                00000001   one client
                00000005 61646d696e000000   srv "admin"
                00000000 0000001a   id 26 (unsigned hyper)
                00000000 6b0460f7   timestamp (hyper, seconds since the epoch)
                00000000   transport UNIX
                00000001   ret: 1 client
                """);
        ServerListClientsRet ret = new ServerListClientsRet(
                List.of(new AdminNonnullClient(new AdminNonnullServer("admin"), 26, 0x6b0460f7L,
                        AdminProgram.TRANSPORT_UNIX)), 1);
        assertArrayEquals(wire, Frames.encode(reply(8, 13, MessageStatus.OK),
                XdrCodecs.of(ServerListClientsRet.class), ret));
        assertEquals(ret, XdrCodecs.of(ServerListClientsRet.class).decode(decodeOne(wire).payload()));
    }

    @Test
    void noClientErrorOfTheRealDaemon() throws Exception {
        byte[] wire = hex("""
                000000c0   length 192
                06900690 00000001 00000009 00000001   ADMIN v1, procedure 9 server_lookup_client, REPLY
                00000007 00000001   serial 7, status ERROR
                00000060   code 96 VIR_ERR_NO_CLIENT
                00000007   domain 7 VIR_FROM_RPC
                00000001 00000034   message present, 52 bytes
                436c69656e74206e6f7420666f756e643a204e6f20636c69656e742077697468206d61746368696e672049442027393939393927
                00000002   level ERROR
                00000000   dom absent
                00000001 00000014 436c69656e74206e6f7420666f756e643a202573   str1 "Client not found: %s"
                00000001 00000022   str2 present, 34 bytes
                4e6f20636c69656e742077697468206d61746368696e672049442027393939393927 0000
                00000000   str3 absent
                ffffffff ffffffff   int1, int2 -1
                00000000   net absent
                """);
        RemoteError error = RemoteError.of(96, 7, "Client not found: No client with matching ID '99999'",
                "Client not found: %s", "No client with matching ID '99999'");
        assertArrayEquals(wire, Frames.encode(reply(9, 7, MessageStatus.ERROR), XdrCodecs.of(RemoteError.class),
                error));
    }

    private static RemoteTypedParam uint(String name, int value) {
        return new RemoteTypedParam(name, new OfUInt(value));
    }
}
