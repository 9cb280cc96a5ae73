package io.jvirtd.rpc.internal;

import java.nio.file.Path;
import java.util.Map;

import io.jvirtd.api.config.ConfigValues;

/**
 * The RPC server's settings from configuration PID {@code io.jvirtd.server}, with libvirtd.conf's
 * names and defaults. Immutable.
 *
 * @param listenTcp {@code listen_tcp}: also listen on TCP (no authentication: only when configured)
 * @param listenAddr {@code listen_addr}
 * @param tcpPort {@code tcp_port}
 * @param unixSockDir {@code unix_sock_dir}: where libvirt-sock, libvirt-sock-ro and libvirt-admin-sock are created
 * @param unixSockRwPerms {@code unix_sock_rw_perms}, octal
 * @param unixSockRoPerms {@code unix_sock_ro_perms}, octal
 * @param unixSockAdminPerms {@code unix_sock_admin_perms}, octal: libvirt-admin-sock, the admin server's socket
 * @param maxClients {@code max_clients}: accepting pauses at this many clients
 * @param maxAnonymousClients {@code max_anonymous_clients}: clients still authenticating; 0 disables the
 *        check. Every socket is AUTH_NONE so far, so no client counts as anonymous yet
 * @param maxClientRequests {@code max_client_requests}: calls in flight per client before it is no longer read
 * @param keepaliveInterval {@code keepalive_interval} seconds; -1 disables server pings
 * @param keepaliveCount {@code keepalive_count}: unanswered pings before the client is dropped
 * @param maxMessageSize the largest length word accepted (libvirt's 32 MiB + 4)
 * @param adminMaxClients {@code admin_max_clients}: the admin server's max_clients
 */
record ServerSettings(boolean listenTcp, String listenAddr, int tcpPort, Path unixSockDir, String unixSockRwPerms,
        String unixSockRoPerms, String unixSockAdminPerms, int maxClients, int maxAnonymousClients, int maxClientRequests, int keepaliveInterval, int keepaliveCount,
        int maxMessageSize, int adminMaxClients) {

    static final String PID = "io.jvirtd.server";

    ServerSettings {
        if (maxAnonymousClients > maxClients) {
            throw new IllegalArgumentException("max_anonymous_clients (" + maxAnonymousClients
                    + ") must not be greater than max_clients (" + maxClients + ") in " + PID);
        }
    }

    static ServerSettings fromConfiguration(Map<String, ?> p) {
        ConfigValues v = new ConfigValues(PID, p);
        return new ServerSettings(
                v.booleanValue("listen_tcp", false),
                v.stringValue("listen_addr", "127.0.0.1"),
                v.intValue("tcp_port", 16509, 1, 65535),
                Path.of(v.stringValue("unix_sock_dir", defaultSocketDir())),
                v.matching("unix_sock_rw_perms", "0700", "0?[0-7]{3}", "octal permissions such as 0700"),
                v.matching("unix_sock_ro_perms", "0777", "0?[0-7]{3}", "octal permissions such as 0777"),
                v.matching("unix_sock_admin_perms", "0700", "0?[0-7]{3}", "octal permissions such as 0700"),
                v.intValue("max_clients", 5000, 1, 1_000_000),
                v.intValue("max_anonymous_clients", 20, 0, 1_000_000),
                v.intValue("max_client_requests", 5, 1, 10_000),
                v.intValue("keepalive_interval", 5, -1, 86_400),
                v.intValue("keepalive_count", 5, 0, 1000),
                v.intValue("max_message_size", 33_554_436, 28, Integer.MAX_VALUE),
                v.intValue("admin_max_clients", 5000, 0, 1_000_000));
    }

    /** The distribution's own data/run, never the system's /run/libvirt. */
    private static String defaultSocketDir() {
        return Path.of(System.getProperty("jvirtd.home", "."), "data", "run").toString();
    }
}
