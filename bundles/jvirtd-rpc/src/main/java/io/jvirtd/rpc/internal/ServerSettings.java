package io.jvirtd.rpc.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * The RPC server's settings from configuration PID {@code io.jvirtd.server}, with libvirtd.conf's
 * names and defaults. Immutable.
 *
 * @param listenTcp {@code listen_tcp}: also listen on TCP (no authentication: only when configured)
 * @param listenAddr {@code listen_addr}
 * @param tcpPort {@code tcp_port}
 * @param unixSockDir {@code unix_sock_dir}: where libvirt-sock, libvirt-sock-ro are created
 * @param unixSockRwPerms {@code unix_sock_rw_perms}, octal
 * @param unixSockRoPerms {@code unix_sock_ro_perms}, octal
 * @param maxClients {@code max_clients}: accepting pauses at this many clients
 * @param maxClientRequests {@code max_client_requests}: calls in flight per client before it is no longer read
 * @param keepaliveInterval {@code keepalive_interval} seconds; -1 disables server pings
 * @param keepaliveCount {@code keepalive_count}: unanswered pings before the client is dropped
 * @param maxMessageSize the largest length word accepted (libvirt's 32 MiB + 4)
 */
record ServerSettings(boolean listenTcp, String listenAddr, int tcpPort, Path unixSockDir, String unixSockRwPerms,
        String unixSockRoPerms, int maxClients, int maxClientRequests, int keepaliveInterval, int keepaliveCount,
        int maxMessageSize) {

    static final String PID = "io.jvirtd.server";

    static ServerSettings fromConfiguration(Map<String, ?> p) {
        return new ServerSettings(
                bool(p, "listen_tcp", false),
                string(p, "listen_addr", "127.0.0.1"),
                integer(p, "tcp_port", 16509, 1, 65535),
                Path.of(string(p, "unix_sock_dir", defaultSocketDir())),
                octal(p, "unix_sock_rw_perms", "0700"),
                octal(p, "unix_sock_ro_perms", "0777"),
                integer(p, "max_clients", 5000, 1, 1_000_000),
                integer(p, "max_client_requests", 5, 1, 10_000),
                integer(p, "keepalive_interval", 5, -1, 86_400),
                integer(p, "keepalive_count", 5, 0, 1000),
                integer(p, "max_message_size", 33_554_436, 28, Integer.MAX_VALUE));
    }

    /** The distribution's own data/run, never the system's /run/libvirt. */
    private static String defaultSocketDir() {
        return Path.of(System.getProperty("jvirtd.home", "."), "data", "run").toString();
    }

    private static String string(Map<String, ?> p, String key, String fallback) {
        Object v = p.get(key);
        return v == null || v.toString().isBlank() ? fallback : v.toString().trim();
    }

    private static int integer(Map<String, ?> p, String key, int fallback, int min, int max) {
        Object v = p.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            long n = v instanceof Number num ? num.longValue() : Long.parseLong(v.toString().trim());
            if (n < min || n > max) {
                throw new IllegalArgumentException("invalid value '" + v + "' for " + key + " in " + PID
                        + ": expected an integer between " + min + " and " + max);
            }
            return (int) n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value '" + v + "' for " + key + " in " + PID + ": expected an integer");
        }
    }

    private static boolean bool(Map<String, ?> p, String key, boolean fallback) {
        Object v = p.get(key);
        if (v == null) {
            return fallback;
        }
        String s = v.toString().trim();
        return switch (s) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new IllegalArgumentException("invalid value '" + v + "' for " + key + " in " + PID
                    + ": expected 0 or 1");
        };
    }

    private static String octal(Map<String, ?> p, String key, String fallback) {
        String s = string(p, key, fallback);
        if (!s.matches("0?[0-7]{3}")) {
            throw new IllegalArgumentException("invalid value '" + s + "' for " + key + " in " + PID
                    + ": expected octal permissions such as 0700");
        }
        return s;
    }
}
