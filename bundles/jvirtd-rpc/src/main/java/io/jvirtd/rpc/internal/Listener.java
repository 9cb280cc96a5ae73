package io.jvirtd.rpc.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import io.jvirtd.api.event.IoRegistration;

/** One listening socket: unix rw, unix ro, or TCP. Its registration is used only by the event loop. */
final class Listener {
    final String name; // immutable, e.g. "unix rw socket /path"
    final String transport; // immutable
    final boolean readOnly; // immutable
    final ServerSocketChannel channel; // immutable
    final Path socketFile; // immutable; null for TCP
    volatile IoRegistration registration;

    private Listener(String name, String transport, boolean readOnly, ServerSocketChannel channel, Path socketFile) {
        this.name = name;
        this.transport = transport;
        this.readOnly = readOnly;
        this.channel = channel;
        this.socketFile = socketFile;
    }

    /** A unix socket at {@code path} with octal permissions {@code perms}; a stale socket file is replaced. */
    static Listener unix(Path path, boolean readOnly, String perms) throws IOException {
        Files.createDirectories(path.getParent());
        Files.deleteIfExists(path);
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(path), 1000);
            Files.setPosixFilePermissions(path, permissions(perms));
            ch.configureBlocking(false);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new Listener("unix " + (readOnly ? "ro" : "rw") + " socket " + path, "unix", readOnly, ch, path);
    }

    static Listener tcp(String address, int port) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.bind(new InetSocketAddress(address, port), 1000);
            ch.configureBlocking(false);
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot listen on " + address + ":" + port + ": " + e.getMessage(), e);
        }
        return new Listener("tcp " + address + ":" + port, "tcp", false, ch, null);
    }

    /**
     * The peer of a client just accepted on this listener: its credentials for a unix socket, null
     * for TCP. Event loop; cheap (a getsockopt and a readlink, no process, no /proc scan).
     */
    UnixPeer peerOf(SocketChannel accepted) {
        return socketFile != null ? UnixPeer.of(accepted) : null;
    }

    /** What identifies the socket, as {@link ListenerSpec#key()}. */
    String key() {
        return socketFile != null ? socketFile.toString() : name.substring("tcp ".length());
    }

    /** Re-applies permissions to the socket file (a saved configuration changed them). */
    void setPermissions(String perms) throws IOException {
        if (socketFile != null) {
            Files.setPosixFilePermissions(socketFile, permissions(perms));
        }
    }

    void close() {
        IoRegistration reg = registration;
        if (reg != null) {
            reg.cancel();
        }
        try {
            channel.close();
            if (socketFile != null) {
                Files.deleteIfExists(socketFile);
            }
        } catch (IOException e) {
            // nothing left to do: the daemon is stopping this listener
        }
    }

    private static Set<PosixFilePermission> permissions(String octal) {
        int mode = Integer.parseInt(octal, 8);
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}
