package io.jvirtd.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnixPeerTest {
    private static final Duration SS_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void unixClientOfThisProcessHasOurUidGidAndPid() throws IOException {
        Listener listener = Listener.unix(dir.resolve("libvirt-sock"), false, "0700");
        try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(listener.socketFile));
                SocketChannel accepted = acceptBlocking(listener)) {
            UnixPeer peer = listener.peerOf(accepted);
            long uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            long gid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");

            PeerCredentials atConnect = peer.credentials();
            assertEquals(uid, atConnect.uid());
            assertEquals(gid, atConnect.gid());
            assertEquals(System.getProperty("user.name"), atConnect.userName());
            assertNotNull(atConnect.groupName());
            assertEquals(PeerCredentials.UNKNOWN, atConnect.pid(), "the pid is looked up only when asked");

            assumeTrue(PeerProcessFinder.fdAccessible(), "needs --add-exports java.base/sun.nio.ch=ALL-UNNAMED");
            PeerCredentials resolved = peer.resolve(SS_TIMEOUT);
            assertEquals(ProcessHandle.current().pid(), resolved.pid());
            assertEquals(atConnect.withPid(resolved.pid()), resolved);
            assertEquals(resolved, peer.credentials(), "a found pid is kept");
        } finally {
            listener.close();
        }
    }

    @Test
    void clientGoneKeepsItsUidButHasNoPid() throws IOException {
        Listener listener = Listener.unix(dir.resolve("libvirt-sock"), false, "0700");
        try (SocketChannel accepted = connectAndAccept(listener)) {
            UnixPeer peer = listener.peerOf(accepted);
            long uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");

            PeerCredentials resolved = peer.resolve(SS_TIMEOUT);
            assertEquals(uid, resolved.uid());
            assertEquals(PeerCredentials.UNKNOWN, resolved.pid());
            accepted.close();
            assertEquals(PeerCredentials.UNKNOWN, peer.resolve(SS_TIMEOUT).pid(), "a closed client is not looked up");
        } finally {
            listener.close();
        }
    }

    @Test
    void tcpClientHasNoPeer() throws IOException {
        Listener listener = Listener.tcp("127.0.0.1", 0);
        try (SocketChannel client = SocketChannel.open(listener.channel.getLocalAddress());
                SocketChannel accepted = acceptBlocking(listener)) {
            assertTrue(client.getRemoteAddress() instanceof InetSocketAddress);
            assertNull(listener.peerOf(accepted));
        } finally {
            listener.close();
        }
    }

    @Test
    void peerPidIsReadFromSsRows() {
        List<String> rows = List.of(
                "Netid State Recv-Q Send-Q Local Address:Port Peer Address:Port Process",
                "u_str ESTAB 0      0                 * 1587   * 1586",
                "u_str ESTAB 0      0                 * 174862 * 174863 users:((\"virsh\",pid=4242,fd=3))",
                "u_str ESTAB 0      0      /run/libvirt/libvirt-sock 174863 * 174862 users:((\"java\",pid=7,fd=8))");
        assertEquals(4242, PeerProcessFinder.peerPid(rows, 174863, PeerCredentials.UNKNOWN));
        assertEquals(7, PeerProcessFinder.peerPid(rows, 174862, PeerCredentials.UNKNOWN));
        assertEquals(PeerCredentials.UNKNOWN, PeerProcessFinder.peerPid(rows, 1587, PeerCredentials.UNKNOWN),
                "a peer socket nobody holds has no pid");
        assertEquals(PeerCredentials.UNKNOWN, PeerProcessFinder.peerPid(rows, 999, PeerCredentials.UNKNOWN));
    }

    @Test
    void credentialsPrintLikeLibvirtsClientInfo() {
        assertEquals("uid 0 (root) gid 0 (root) pid 1234", new PeerCredentials(0, 0, 1234, "root", "root").toString());
        assertEquals("uid 1000 gid 1000", new PeerCredentials(1000, 1000, -1, "1000", "1000").toString());
        assertEquals("unknown peer", PeerCredentials.NONE.toString());
    }

    /** Accepts a client that has already closed its end. */
    private static SocketChannel connectAndAccept(Listener listener) throws IOException {
        try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(listener.socketFile))) {
            return acceptBlocking(listener);
        }
    }

    private static SocketChannel acceptBlocking(Listener listener) throws IOException {
        listener.channel.configureBlocking(true);
        return listener.channel.accept();
    }
}
