package io.jvirtd.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void defaultsAreLibvirtds() {
        ServerSettings s = ServerSettings.fromConfiguration(Map.of());
        assertFalse(s.listenTcp());
        assertEquals(16509, s.tcpPort());
        assertEquals(5000, s.maxClients());
        assertEquals(20, s.maxAnonymousClients());
        assertEquals(5, s.maxClientRequests());
        assertEquals(5, s.keepaliveInterval());
        assertEquals(5, s.keepaliveCount());
        assertEquals("0700", s.unixSockRwPerms());
        assertEquals("0777", s.unixSockRoPerms());
        assertEquals(33_554_436, s.maxMessageSize());
        assertTrue(s.unixSockDir().endsWith(Path.of("data", "run")), s.unixSockDir().toString());
    }

    @Test
    void cfgStringsAreRead() {
        ServerSettings s = ServerSettings.fromConfiguration(Map.of("listen_tcp", "1", "tcp_port", "16599",
                "max_client_requests", "10", "keepalive_interval", "-1", "unix_sock_dir", "/tmp/x"));
        assertTrue(s.listenTcp());
        assertEquals(16599, s.tcpPort());
        assertEquals(10, s.maxClientRequests());
        assertEquals(-1, s.keepaliveInterval());
        assertEquals(Path.of("/tmp/x"), s.unixSockDir());
    }

    @Test
    void wrongValuesAreRefusedWithTheKeyAndTheRule() {
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.fromConfiguration(Map.of("tcp_port", "70000")));
        assertEquals("invalid value '70000' for tcp_port in io.jvirtd.server: expected an integer between 1 and 65535",
                port.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerSettings.fromConfiguration(Map.of("listen_tcp", "yes please")));
        assertThrows(IllegalArgumentException.class, () -> ServerSettings.fromConfiguration(Map.of("unix_sock_rw_perms", "rwx")));
        assertThrows(IllegalArgumentException.class, () -> ServerSettings.fromConfiguration(Map.of("max_clients", "0")));
        IllegalArgumentException anonymous = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.fromConfiguration(Map.of("max_clients", "10", "max_anonymous_clients", "11")));
        assertEquals("max_anonymous_clients (11) must not be greater than max_clients (10) in io.jvirtd.server",
                anonymous.getMessage());
    }
}
