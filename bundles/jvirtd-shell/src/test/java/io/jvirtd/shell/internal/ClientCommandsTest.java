package io.jvirtd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirtd.api.admin.ClientSummary;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirException;

import org.junit.jupiter.api.Test;

class ClientCommandsTest {
    private final FakeServerAdmin admin = new FakeServerAdmin(
            new ClientSummary("libvirtd", 7, "unix", 1_795_000_000L, false, "Test", "uid 0 (root) gid 0 (root)"),
            new ClientSummary("libvirtd", 9, "tcp", 1_795_000_060L, true, null, "127.0.0.1;45678"));

    @Test
    void listsClientsAsVirtAdminWithDriverAndPeer() {
        ClientCommands commands = new ClientCommands();
        commands.admin = admin;
        assertEquals("""
                id  transport  connected since           readonly  driver  peer
                ------------------------------------------------------------------------------------
                7   unix       2026-11-18 11:06:40+0000  no        Test    uid 0 (root) gid 0 (root)
                9   tcp        2026-11-18 11:07:40+0000  yes       -       127.0.0.1;45678
                """, commands.clients("libvirtd", false));
        VirException e = assertThrows(VirException.class, () -> commands.clients("nope", true));
        assertEquals(VirErrorCode.NO_SERVER, e.code());
    }

    @Test
    void closesAClientAndNamesAnUnknownOne() {
        ClientCloseCommand close = new ClientCloseCommand();
        close.admin = admin;
        assertEquals("Client '7' disconnected\n", close._main("client-close", new String[] {"7"}));
        assertEquals(1, admin.clients.size());
        VirException e = assertThrows(VirException.class, () -> close._main("client-close", new String[] {"7"}));
        assertEquals(VirErrorCode.NO_CLIENT, e.code());
        assertThrows(IllegalArgumentException.class, () -> close._main("client-close", new String[] {"seven"}));
        assertEquals(ClientCloseCommand.USAGE, close._main("client-close", new String[] {"--help"}));
    }

    @Test
    void showsAndChangesLimits() {
        ClientCommands commands = new ClientCommands();
        commands.admin = admin;
        assertEquals("libvirtd\t5000\t2\t20\t0\n", commands.limits("libvirtd", -1, -1, true));
        assertEquals("libvirtd\t1\t2\t0\t0\n", commands.limits("libvirtd", 1, 0, true),
                "max below the clients connected is accepted: they stay, new ones wait");
        assertThrows(VirException.class, () -> commands.limits("libvirtd", -1, 5, true));
        assertEquals("libvirtd\t1\t2\t0\t0\n", commands.limits("libvirtd", -1, -1, true), "a refusal changes nothing");
    }

    @Test
    void aMissingRpcServerIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ClientCommands().clients("libvirtd", false));
        assertEquals("no ServerAdmin service (is the io.jvirtd.rpc bundle active?)", e.getMessage());
    }
}
