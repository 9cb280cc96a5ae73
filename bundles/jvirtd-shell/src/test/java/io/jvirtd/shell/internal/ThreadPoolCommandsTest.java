package io.jvirtd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

import org.junit.jupiter.api.Test;

class ThreadPoolCommandsTest {
    private final FakePool libvirtd = new FakePool("libvirtd");
    private final FakePool admin = new FakePool("admin");
    private final ThreadPoolCommands commands = new ThreadPoolCommands();

    ThreadPoolCommandsTest() {
        commands.addPool(libvirtd);
        commands.addPool(admin);
    }

    @Test
    void showsOneRowPerPoolWithVirtAdminNames() {
        admin.max = 4;
        String out = commands.threadpool("", -1, -1, -1, false);
        assertEquals("""
                server    minWorkers  maxWorkers  nWorkers  freeWorkers  prioWorkers  jobQueueDepth
                -----------------------------------------------------------------------------------
                libvirtd  5           20          7         3            5            11
                admin     5           4           7         3            5            11
                """, out);
        assertEquals("libvirtd\t5\t20\t7\t3\t5\t11\nadmin\t5\t4\t7\t3\t5\t11\n",
                commands.threadpool("", -1, -1, -1, true));
        assertTrue(libvirtd.calls.isEmpty() && admin.calls.isEmpty(), "showing changes nothing");
    }

    @Test
    void serverAloneShowsThatPool() {
        assertEquals("admin\t5\t20\t7\t3\t5\t11\n", commands.threadpool("admin", -1, -1, -1, true));
    }

    @Test
    void setPassesTheGivenSizesAndMinusOneForTheOthersThenShowsThePool() {
        String out = commands.threadpool("", -1, 30, 2, true);
        assertEquals(List.of(List.of(-1, 30, 2)), libvirtd.calls);
        assertTrue(admin.calls.isEmpty(), "the default server is libvirtd");
        assertEquals("libvirtd\t5\t30\t7\t3\t2\t11\n", out);
    }

    @Test
    void setOnANamedServerChangesOnlyThatPool() {
        commands.threadpool("admin", 1, -1, -1, true);
        assertEquals(List.of(List.of(1, -1, -1)), admin.calls);
        assertTrue(libvirtd.calls.isEmpty());
    }

    @Test
    void aRefusedChangeFailsWithThePoolsLibvirtError() {
        VirException e = assertThrows(VirException.class, () -> commands.threadpool("", 50, -1, -1, false));
        assertEquals(VirErrorCode.INVALID_ARG, e.code());
        assertEquals("invalid argument: minWorkers cannot be larger than maxWorkers", e.getMessage());
        assertEquals(20, libvirtd.stats().maxWorkers());
    }

    @Test
    void anUnknownServerIsNoServer() {
        VirException e = assertThrows(VirException.class, () -> commands.threadpool("nosuch", 1, -1, -1, false));
        assertEquals(VirErrorCode.NO_SERVER, e.code());
        assertEquals("Server not found: No server named 'nosuch'", e.getMessage());
        assertEquals(VirErrorDomain.RPC, e.domain());
        assertThrows(VirException.class, () -> commands.threadpool("nosuch", -1, -1, -1, false));
    }

    @Test
    void aNegativeSizeOtherThanUnchangedIsRefusedBeforeThePoolIsCalled() {
        VirException e = assertThrows(VirException.class, () -> commands.threadpool("", -1, -5, -1, false));
        assertEquals(VirErrorCode.INVALID_ARG, e.code());
        assertTrue(e.getMessage().contains("--max must be 0 or more, not -5"), e.getMessage());
        assertTrue(libvirtd.calls.isEmpty());
    }

    @Test
    void withoutPoolsItSaysSo() {
        ThreadPoolCommands none = new ThreadPoolCommands();
        assertEquals("no worker pool\n", none.threadpool("", -1, -1, -1, false));
        commands.removePool(admin);
        assertEquals("libvirtd\t5\t20\t7\t3\t5\t11\n", commands.threadpool("", -1, -1, -1, true));
    }
}
