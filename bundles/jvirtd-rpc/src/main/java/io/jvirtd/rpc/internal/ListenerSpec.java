package io.jvirtd.rpc.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A socket a server should listen on, as the settings describe it: a unix socket file with its
 * permissions, or a TCP address. Two specs with the same {@link #key} are the same socket, so a saved
 * configuration that changes only permissions re-applies them instead of re-binding. Immutable.
 *
 * @param socketFile the unix socket file, null for TCP
 * @param readOnly true for libvirt-sock-ro
 * @param perms octal permissions of the socket file, null for TCP
 * @param tcpAddress the TCP address, null for unix
 * @param tcpPort the TCP port, 0 for unix
 */
record ListenerSpec(Path socketFile, boolean readOnly, String perms, String tcpAddress, int tcpPort) {

    static ListenerSpec unix(Path socketFile, boolean readOnly, String perms) {
        return new ListenerSpec(socketFile, readOnly, perms, null, 0);
    }

    static ListenerSpec tcp(String address, int port) {
        return new ListenerSpec(null, false, null, address, port);
    }

    /** What identifies the socket: its file, or {@code address:port}. */
    String key() {
        return socketFile != null ? socketFile.toString() : tcpAddress + ":" + tcpPort;
    }

    Listener open() throws IOException {
        return socketFile != null ? Listener.unix(socketFile, readOnly, perms) : Listener.tcp(tcpAddress, tcpPort);
    }

    /** The sockets of the {@code libvirtd} server: libvirt-sock, libvirt-sock-ro and, if enabled, TCP. */
    static List<ListenerSpec> libvirtd(ServerSettings s) {
        List<ListenerSpec> specs = new ArrayList<>();
        specs.add(unix(s.unixSockDir().resolve("libvirt-sock"), false, s.unixSockRwPerms()));
        specs.add(unix(s.unixSockDir().resolve("libvirt-sock-ro"), true, s.unixSockRoPerms()));
        if (s.listenTcp()) {
            specs.add(tcp(s.listenAddr(), s.tcpPort()));
        }
        return specs;
    }

    /** The socket of the {@code admin} server: libvirt-admin-sock. */
    static List<ListenerSpec> admin(ServerSettings s) {
        return List.of(unix(s.unixSockDir().resolve("libvirt-admin-sock"), false, s.unixSockAdminPerms()));
    }
}
