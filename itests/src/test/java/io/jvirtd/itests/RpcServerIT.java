package io.jvirtd.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import io.jvirtd.itests.fakedriver.FakeConnection;
import io.jvirtd.itests.fakedriver.FakeDriverBundle;
import io.jvirtd.xdr.codec.XdrCodecs;
import io.jvirtd.xdr.message.Frame;
import io.jvirtd.xdr.message.Frames;
import io.jvirtd.xdr.message.MessageHeader;
import io.jvirtd.xdr.message.MessageStatus;
import io.jvirtd.xdr.message.MessageType;
import io.jvirtd.xdr.remote.AuthListRet;
import io.jvirtd.xdr.remote.KeepaliveProgram;
import io.jvirtd.xdr.remote.RemoteError;
import io.jvirtd.xdr.remote.RemoteProgram;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The RPC server of the assembled daemon against the real virsh (unix rw, unix ro, TCP) and against
 * raw clients sending what virsh never does. A fake driver bundle in deploy/ serves {@code fake:///system}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class RpcServerIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private DaemonProcess daemon;
    private Path rwSocket;
    private Path roSocket;
    private int tcpPort;

    @BeforeAll
    void startDaemonWithTheFakeDriver() throws Exception {
        daemon = new DaemonProcess();
        try (ServerSocket probe = new ServerSocket(0)) {
            tcpPort = probe.getLocalPort();
        }
        Path cfg = daemon.home().resolve("etc/io.jvirtd.server.cfg");
        Files.writeString(cfg, Files.readString(cfg)
                .replace("listen_tcp = 0", "listen_tcp = 1")
                .replace("tcp_port = 16509", "tcp_port = " + tcpPort)
                .replace("keepalive_interval = 5", "keepalive_interval = 1")
                .replace("keepalive_count = 5", "keepalive_count = 2"));
        FakeDriverBundle.writeTo(daemon.home().resolve("deploy/fake-driver.jar"));
        daemon.start();
        daemon.awaitLine(l -> l.contains("driver Fake bound"), DEADLINE, "the fake driver bound");
        daemon.awaitLine(l -> l.contains("listening on tcp 127.0.0.1:" + tcpPort), DEADLINE, "the TCP listener");
        rwSocket = daemon.home().resolve("data/run/libvirt-sock");
        roSocket = daemon.home().resolve("data/run/libvirt-sock-ro");
    }

    @AfterAll
    void stopDaemon() throws Exception {
        daemon.close();
    }

    private String unixUri(Path socket) {
        return "fake+unix:///system?socket=" + socket;
    }

    @Test
    void virshGetsRealAnswersOverTheUnixSocket() throws Exception {
        Virsh.Result version = Virsh.run(unixUri(rwSocket), "version");
        assertEquals(0, version.exitCode(), version.toString());
        assertTrue(version.out().contains("Running hypervisor: FAKE 1.2.3"), version.toString());

        Virsh.Result hostname = Virsh.run(unixUri(rwSocket), "hostname");
        assertEquals(FakeConnection.HOSTNAME, hostname.out().strip(), hostname.toString());

        Virsh.Result nodeinfo = Virsh.run(unixUri(rwSocket), "nodeinfo");
        assertEquals(0, nodeinfo.exitCode(), nodeinfo.toString());
        assertTrue(nodeinfo.out().matches("(?s).*CPU model:\\s+fake-cpu.*"), nodeinfo.toString());
        assertTrue(nodeinfo.out().matches("(?s).*CPU\\(s\\):\\s+4.*"), nodeinfo.toString());
        assertTrue(nodeinfo.out().matches("(?s).*Memory size:\\s+8388608 KiB.*"), nodeinfo.toString());

        Virsh.Result caps = Virsh.run(unixUri(rwSocket), "capabilities");
        assertTrue(caps.out().contains("<uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>"), caps.toString());
    }

    @Test
    void theReadOnlySocketServesVirshReadOnly() throws Exception {
        Virsh.Result r = Virsh.run(unixUri(roSocket), "-r", "hostname");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(FakeConnection.HOSTNAME, r.out().strip());
        assertEquals("srwxrwxrwx", perms(roSocket));
        assertEquals("srwx------", perms(rwSocket));
    }

    private static String perms(Path p) throws Exception {
        return "s" + java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void virshWorksOverTcpWhenListenTcpIsConfigured() throws Exception {
        Virsh.Result r = Virsh.run("fake+tcp://127.0.0.1:" + tcpPort + "/system", "hostname");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(FakeConnection.HOSTNAME, r.out().strip());
    }

    @Test
    void anUnknownSchemeGetsLibvirtsNoConnectionDriverError() throws Exception {
        Virsh.Result r = Virsh.run("nosuch+unix:///system?socket=" + rwSocket, "hostname");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no connection driver available for nosuch:///system"), r.toString());
    }

    private static byte[] call(int program, int procedure, int serial, byte[] payload) {
        return Frames.encode(new MessageHeader(program, 1, procedure, MessageType.CALL, serial, MessageStatus.OK),
                payload);
    }

    @Test
    void unknownProceduresAndProgramsGetRpcErrorsAndTheConnectionStaysOpen() throws Exception {
        try (RawRpcClient raw = new RawRpcClient(rwSocket)) {
            raw.send(call(RemoteProgram.PROGRAM, 9999, 5, new byte[0]));
            Frame reply = raw.receive(DEADLINE);
            assertNotNull(reply, "the server answered");
            assertEquals(MessageType.REPLY, reply.header().type());
            assertEquals(MessageStatus.ERROR, reply.header().status());
            assertEquals(5, reply.header().serial());
            RemoteError error = XdrCodecs.of(RemoteError.class).decode(reply.payload());
            assertEquals(39, error.code(), "VIR_ERR_RPC");
            assertEquals(7, error.domain(), "VIR_FROM_RPC");
            assertEquals("unknown procedure: 9999", error.message());

            raw.send(call(0x12345678, 1, 6, new byte[0]));
            RemoteError noProgram = XdrCodecs.of(RemoteError.class).decode(raw.receive(DEADLINE).payload());
            assertEquals("Cannot find program 305419896 version 1", noProgram.message());

            raw.send(call(RemoteProgram.PROGRAM, 66, 7, new byte[0]));
            Frame auth = raw.receive(DEADLINE);
            assertEquals(MessageStatus.OK, auth.header().status());
            assertEquals(new AuthListRet(List.of(0)), XdrCodecs.of(AuthListRet.class).decode(auth.payload()));
        }
    }

    @Test
    void callsBeforeConnectOpenAndBadPayloadsAreRefused() throws Exception {
        try (RawRpcClient raw = new RawRpcClient(rwSocket)) {
            raw.send(call(RemoteProgram.PROGRAM, 3, 1, new byte[0]));
            RemoteError notOpen = XdrCodecs.of(RemoteError.class).decode(raw.receive(DEADLINE).payload());
            assertEquals("internal error: hypervisor connection not open", notOpen.message());
            // connect_supports_feature with a truncated argument
            raw.send(call(RemoteProgram.PROGRAM, 60, 2, new byte[] {0, 0}));
            RemoteError bad = XdrCodecs.of(RemoteError.class).decode(raw.receive(DEADLINE).payload());
            assertEquals("Unable to decode message payload", bad.message());
        }
    }

    @Test
    void keepalivePingsAreAnsweredWithPong() throws Exception {
        try (RawRpcClient raw = new RawRpcClient(rwSocket)) {
            raw.send(Frames.encode(new MessageHeader(KeepaliveProgram.PROGRAM, 1, KeepaliveProgram.PING,
                    MessageType.MESSAGE, 0, MessageStatus.OK), new byte[0]));
            Frame pong = raw.receive(DEADLINE);
            assertEquals(KeepaliveProgram.PROGRAM, pong.header().program());
            assertEquals(KeepaliveProgram.PONG, pong.header().procedure());
            assertEquals(MessageType.MESSAGE, pong.header().type());
        }
    }

    private static byte[] callWith(int procedure, int serial, Object args) {
        @SuppressWarnings("unchecked")
        io.jvirtd.xdr.codec.XdrCodec<Object> codec = (io.jvirtd.xdr.codec.XdrCodec<Object>) XdrCodecs.of(args.getClass());
        return Frames.encode(new MessageHeader(RemoteProgram.PROGRAM, 1, procedure, MessageType.CALL, serial,
                MessageStatus.OK), codec, args);
    }

    private static byte[] ping() {
        return Frames.encode(new MessageHeader(KeepaliveProgram.PROGRAM, 1, KeepaliveProgram.PING, MessageType.MESSAGE,
                0, MessageStatus.OK), new byte[0]);
    }

    @Test
    void atMostMaxClientRequestsCallsOfOneClientRunAtOnce() throws Exception {
        try (RawRpcClient raw = new RawRpcClient(rwSocket)) {
            raw.send(callWith(1, 1, new io.jvirtd.xdr.remote.ConnectOpenArgs("fake:///system", 0)));
            assertEquals(MessageStatus.OK, raw.receive(DEADLINE).header().status());
            // seven slow calls (the fake driver takes 1500 ms each) and a PING, in one write
            java.io.ByteArrayOutputStream burst = new java.io.ByteArrayOutputStream();
            for (int serial = 10; serial < 17; serial++) {
                burst.write(callWith(203, serial, new io.jvirtd.xdr.remote.ConnectGetSysinfoArgs(1500)));
            }
            burst.write(ping());
            long start = System.nanoTime();
            raw.send(burst.toByteArray());
            List<Long> replyMillis = new ArrayList<>();
            List<Integer> serials = new ArrayList<>();
            int pongAfterReplies = -1;
            while (replyMillis.size() < 7) {
                Frame f = raw.receive(DEADLINE);
                assertNotNull(f, "connection closed early");
                if (f.header().program() == KeepaliveProgram.PROGRAM) {
                    pongAfterReplies = replyMillis.size();
                    continue;
                }
                assertEquals(MessageStatus.OK, f.header().status());
                replyMillis.add((System.nanoTime() - start) / 1_000_000);
                serials.add(f.header().serial());
            }
            // the first five run together; the sixth and seventh are read only once slots free up
            long firstWave = replyMillis.get(4);
            long secondWave = replyMillis.get(5);
            assertTrue(secondWave - replyMillis.get(0) >= 1000,
                    "the 6th call waited for a free slot: replies at " + replyMillis + " ms for serials " + serials);
            assertTrue(firstWave - replyMillis.get(0) < 1000, "the first five ran at once: " + replyMillis);
            if (pongAfterReplies < 0) {
                Frame f = raw.receive(DEADLINE);
                assertEquals(KeepaliveProgram.PONG, f.header().procedure());
                pongAfterReplies = 7;
            }
            assertTrue(pongAfterReplies >= 1, "the PING behind the calls was read only after a slot freed");
        }
        daemon.awaitLine(l -> l.contains("hit max requests limit 5"), DEADLINE, "the max requests log line");
    }

    @Test
    void aClientThatAskedForKeepaliveIsPingedAndDroppedWhenSilent() throws Exception {
        try (RawRpcClient silent = new RawRpcClient(rwSocket); RawRpcClient answering = new RawRpcClient(rwSocket)) {
            silent.send(callWith(60, 1, new io.jvirtd.xdr.remote.ConnectSupportsFeatureArgs(10)));
            answering.send(callWith(60, 1, new io.jvirtd.xdr.remote.ConnectSupportsFeatureArgs(10)));
            assertEquals(new io.jvirtd.xdr.remote.ConnectSupportsFeatureRet(1),
                    XdrCodecs.of(io.jvirtd.xdr.remote.ConnectSupportsFeatureRet.class).decode(silent.receive(DEADLINE).payload()));
            answering.receive(DEADLINE);
            // the answering client gets pings and answers them for longer than the silent one survives
            int pings = 0;
            while (pings < 4) {
                Frame f = answering.receive(DEADLINE);
                assertNotNull(f, "a client that answers pings stays connected");
                if (f.header().program() == KeepaliveProgram.PROGRAM && f.header().procedure() == KeepaliveProgram.PING) {
                    pings++;
                    answering.send(Frames.encode(new MessageHeader(KeepaliveProgram.PROGRAM, 1, KeepaliveProgram.PONG,
                            MessageType.MESSAGE, 0, MessageStatus.OK), new byte[0]));
                }
            }
            Frame first = silent.receive(DEADLINE);
            assertEquals(KeepaliveProgram.PING, first.header().procedure(), "the silent client is pinged first");
            assertTrue(silent.closedByServer(DEADLINE), "and dropped after keepalive_count unanswered pings");
        }
        daemon.awaitLine(l -> l.contains("connection closed due to keepalive timeout"), DEADLINE, "the keepalive log line");
    }

    @Test
    void hostileInputClosesOnlyThatClientAndVirshIsStillServed() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[0] = (byte) 0xff; // a length word far above the limit
        for (String hostile : List.of("ffffffff", "00000000", "fffffff0", "0000001b")) {
            try (RawRpcClient raw = new RawRpcClient(rwSocket)) {
                raw.send(HexFormat.of().parseHex(hostile));
                assertTrue(raw.closedByServer(DEADLINE), "closed after length word " + hostile);
            }
        }
        try (RawRpcClient raw = new RawRpcClient(rwSocket)) {
            raw.send(garbage);
            assertTrue(raw.closedByServer(DEADLINE), "closed after random bytes");
        }
        // a client that vanishes in the middle of a call
        try (RawRpcClient raw = new RawRpcClient(rwSocket)) {
            byte[] half = call(RemoteProgram.PROGRAM, 66, 1, new byte[0]);
            raw.send(java.util.Arrays.copyOf(half, 14));
        }
        // many half-open connections, left idle
        long heapBefore = daemon.usedHeapKiBAfterGc();
        List<RawRpcClient> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                idle.add(new RawRpcClient(rwSocket));
            }
            Virsh.Result r = Virsh.run(unixUri(rwSocket), "hostname");
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals(FakeConnection.HOSTNAME, r.out().strip());
        } finally {
            for (RawRpcClient c : idle) {
                c.close();
            }
        }
        // once they are gone, the daemon holds nothing of them: the heap after a full GC is back to
        // where it was (16 MiB of slack for class loading and the JIT's own growth)
        Virsh.Result after = Virsh.run(unixUri(rwSocket), "hostname");
        assertEquals(0, after.exitCode(), after.toString());
        long heapAfter = daemon.usedHeapKiBAfterGc();
        assertTrue(heapAfter < heapBefore + 16 * 1024,
                "used heap after GC grew from " + heapBefore + " KiB to " + heapAfter + " KiB");
        daemon.awaitLine(l -> l.contains("message length 4294967295 exceeds the maximum of 33554436; closing"),
                DEADLINE, "a log line naming the client and the reason");
    }

    /** Runs last: it removes the fake driver. */
    @Test
    @Order(Integer.MAX_VALUE)
    void callsOnAConnectionWhoseDriverWasRemovedGetAnErrorNamingTheDriver() throws Exception {
        try (RawRpcClient raw = new RawRpcClient(rwSocket)) {
            raw.send(callWith(1, 1, new io.jvirtd.xdr.remote.ConnectOpenArgs("fake:///system", 0)));
            assertEquals(MessageStatus.OK, raw.receive(DEADLINE).header().status());
            raw.send(call(RemoteProgram.PROGRAM, 59, 2, new byte[0]));
            assertEquals(MessageStatus.OK, raw.receive(DEADLINE).header().status());

            Files.delete(daemon.home().resolve("deploy/fake-driver.jar"));
            daemon.awaitLine(l -> l.contains("driver Fake unbound"), DEADLINE, "the driver unbound");

            raw.send(call(RemoteProgram.PROGRAM, 59, 3, new byte[0]));
            Frame reply = raw.receive(DEADLINE);
            assertNotNull(reply, "the connection stays open");
            assertEquals(MessageStatus.ERROR, reply.header().status());
            RemoteError error = XdrCodecs.of(RemoteError.class).decode(reply.payload());
            assertEquals(5, error.code(), "VIR_ERR_NO_CONNECT");
            assertTrue(error.message().contains("the Fake driver was unloaded"), error.message());
        }
        Virsh.Result fresh = Virsh.run(unixUri(rwSocket), "hostname");
        assertEquals(1, fresh.exitCode(), fresh.toString());
        assertTrue(fresh.err().contains("no connection driver available for fake:///system"), fresh.toString());
    }
}
