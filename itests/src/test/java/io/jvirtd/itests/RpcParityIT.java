package io.jvirtd.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.jvirtd.xdr.codec.XdrCodecs;
import io.jvirtd.xdr.message.Frame;
import io.jvirtd.xdr.message.Frames;
import io.jvirtd.xdr.message.MessageHeader;
import io.jvirtd.xdr.message.MessageStatus;
import io.jvirtd.xdr.message.MessageType;
import io.jvirtd.xdr.remote.KeepaliveProgram;
import io.jvirtd.xdr.remote.RemoteError;
import io.jvirtd.xdr.remote.RemoteProgram;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The same raw packets sent to the real libvirtd 9.0 and to jvirtd, in one run: what each answers
 * (or whether it closes the connection, or stays silent) must be the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class RpcParityIT {
    private static final Duration WAIT = Duration.ofSeconds(3);
    private ReferenceLibvirtd libvirtd;
    private DaemonProcess jvirtd;

    @BeforeAll
    void startBoth() throws Exception {
        libvirtd = ReferenceLibvirtd.start();
        jvirtd = new DaemonProcess();
        jvirtd.start();
        jvirtd.awaitLine(l -> l.startsWith("jvirtd: started"), Duration.ofSeconds(60), "jvirtd started");
    }

    @AfterAll
    void stopBoth() throws Exception {
        if (jvirtd != null) {
            jvirtd.close();
        }
        if (libvirtd != null) {
            libvirtd.close();
        }
    }

    private static byte[] frame(int program, int procedure, int serial, MessageType type, MessageStatus status,
            byte[] payload) {
        return Frames.encode(new MessageHeader(program, 1, procedure, type, serial, status), payload);
    }

    /** What a server does with {@code packet}: its reply in words, "closed", or "silent". */
    private static String answer(Path socket, byte[] packet) throws Exception {
        try (RawRpcClient c = new RawRpcClient(socket)) {
            c.send(packet);
            Frame f;
            try {
                f = c.receive(WAIT);
            } catch (AssertionError timeout) {
                return "silent (connection kept open)";
            }
            if (f == null) {
                return "closed";
            }
            MessageHeader h = f.header();
            String head = "type " + h.typeValue() + ", status " + h.statusValue() + ", proc " + h.procedure()
                    + ", serial " + h.serial();
            if (h.status() == MessageStatus.ERROR) {
                RemoteError e = XdrCodecs.of(RemoteError.class).decode(f.payload());
                return head + ": error code " + e.code() + ", domain " + e.domain() + ", level " + e.level() + ", '"
                        + e.message() + "', str1 '" + e.str1() + "', str2 '" + e.str2() + "'";
            }
            return head + ": payload " + java.util.HexFormat.of().formatHex(f.payload());
        }
    }

    @Test
    void jvirtdAnswersRawPacketsExactlyAsLibvirtdDoes() throws Exception {
        int r = RemoteProgram.PROGRAM;
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("auth_list", frame(r, 66, 0, MessageType.CALL, MessageStatus.OK, new byte[0]));
        cases.put("unknown procedure", frame(r, 9999, 5, MessageType.CALL, MessageStatus.OK, new byte[0]));
        cases.put("unknown program", frame(0x12345678, 1, 6, MessageType.CALL, MessageStatus.OK, new byte[0]));
        cases.put("CALL with status ERROR", frame(r, 66, 7, MessageType.CALL, MessageStatus.ERROR, new byte[0]));
        cases.put("get_type before open", frame(r, 3, 8, MessageType.CALL, MessageStatus.OK, new byte[0]));
        cases.put("undecodable arguments", frame(r, 60, 9, MessageType.CALL, MessageStatus.OK, new byte[] {0, 0}));
        cases.put("keepalive PING", frame(KeepaliveProgram.PROGRAM, KeepaliveProgram.PING, 0, MessageType.MESSAGE,
                MessageStatus.OK, new byte[0]));
        cases.put("a REPLY sent by a client", frame(r, 66, 10, MessageType.REPLY, MessageStatus.OK, new byte[0]));
        cases.put("length word 0xffffffff", new byte[] {-1, -1, -1, -1});
        cases.put("length word 27", java.nio.ByteBuffer.allocate(27).putInt(27).array());
        cases.put("connect_open of an unknown scheme", frame(r, 1, 11, MessageType.CALL, MessageStatus.OK,
                XdrCodecs.of(io.jvirtd.xdr.remote.ConnectOpenArgs.class).encode(
                        new io.jvirtd.xdr.remote.ConnectOpenArgs("nosuch:///system", 0))));

        Path jvirtdSocket = jvirtd.home().resolve("data/run/libvirt-sock");
        StringBuilder expected = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            expected.append(c.getKey()).append(": ").append(answer(libvirtd.socket(), c.getValue())).append('\n');
            actual.append(c.getKey()).append(": ").append(answer(jvirtdSocket, c.getValue())).append('\n');
        }
        assertEquals(expected.toString(), actual.toString());
        assertEquals(true, Files.exists(jvirtdSocket));
    }
}
