package io.jvirtd.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import org.junit.jupiter.api.Test;

class LogFilterTest {

    @Test
    void parsesAsLibvirtAndShowsTheWrappedGlob() {
        // libvirtd 9.0 shows '3:remote 4:event 1:+qemu.json' back as '3:*remote* 4:*event* 1:*qemu.json*'
        List<LogFilter> filters = LogFilter.parseAll(" 3:remote   4:event 1:+qemu.json ");
        assertEquals(List.of("3:*remote*", "4:*event*", "1:*qemu.json*"), filters.stream().map(Object::toString).toList());
        assertEquals("1:**rpc*", LogFilter.parse("1:*rpc").toString());
    }

    @Test
    void matchesLoggerNamesByGlob() {
        LogFilter rpc = LogFilter.parse("1:rpc");
        assertTrue(rpc.matches("io.jvirtd.rpc.internal.RpcServer"));
        assertFalse(rpc.matches("io.jvirtd.core.internal.dispatch.PriorityWorkerPool"));
        LogFilter json = LogFilter.parse("1:qemu.json");
        assertTrue(json.matches("io.jvirtd.driver.qemu.json"));
        assertFalse(json.matches("io.jvirtd.driver.qemuXjson"), "a dot is literal");
        assertTrue(LogFilter.parse("2:driver.*.internal").matches("io.jvirtd.driver.test.internal.TestDriver"));
    }

    @Test
    void refusesWithLibvirtsMessages() {
        assertRefused("x:foo", "invalid argument: Invalid priority 'x' for filter 'x:foo'");
        assertRefused("5:foo", "invalid argument: Invalid priority '5' for filter '5:foo'");
        assertRefused("remote", "invalid argument: Malformed format for filter 'remote'");
        assertRefused("1:", "invalid argument: Invalid match string ''");
    }

    @Test
    void emptyTextIsNoFilter() {
        assertEquals(List.of(), LogFilter.parseAll("   "));
    }

    private static void assertRefused(String text, String message) {
        VirException e = assertThrows(VirException.class, () -> LogFilter.parseAll("2:ok " + text));
        assertEquals(VirErrorCode.INVALID_ARG, e.code());
        assertEquals(VirErrorDomain.NONE, e.domain());
        assertEquals(message, e.getMessage());
    }
}
