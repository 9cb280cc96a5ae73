package io.jvirtd.driver.qemu.internal.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.event.EventLoop;
import io.jvirtd.api.lock.LockGuard;
import io.jvirtd.api.lock.LockLevel;
import io.jvirtd.api.lock.OrderedLock;
import io.jvirtd.core.internal.event.SelectorEventLoop;
import io.jvirtd.core.internal.lock.OrderedLockFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The QMP monitor against a fake QMP server over a real unix socket, on core's real event loop. */
@Timeout(20)
class QmpMonitorTest {
    private static final Duration T = Duration.ofSeconds(5);
    @TempDir
    Path dir;
    private final OrderedLockFactory locks = new OrderedLockFactory(true, Duration.ofSeconds(5));
    private final SelectorEventLoop loop = new SelectorEventLoop();
    private final ExecutorService events = Executors.newSingleThreadExecutor();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<String> seenOn = new CopyOnWriteArrayList<>();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private OrderedLock monitorLock;
    private FakeQmpServer server;
    private QmpMonitor monitor;

    @BeforeEach
    void start() throws Exception {
        loop.start();
        monitorLock = locks.create(LockLevel.MONITOR, "monitor of test");
        server = new FakeQmpServer(dir.resolve("qmp.sock"));
        monitor = QmpMonitor.connect("test", dir.resolve("qmp.sock"), loop, events, new QmpListener() {
            @Override
            public void event(String name, JsonNode data) {
                seen.add(name);
                seenOn.add(Thread.currentThread().getName());
            }

            @Override
            public void closed() {
                seen.add("closed");
                closedLatch.countDown();
            }
        }, locks, T);
    }

    @AfterEach
    void stop() throws Exception {
        monitor.close();
        server.close();
        events.shutdownNow();
        loop.stop();
    }

    /** Runs {@code body} as EnterMonitor would: holding the monitor lock. */
    private <R> CompletableFuture<R> inMonitor(java.util.function.Supplier<R> body) {
        return CompletableFuture.supplyAsync(() -> {
            try (LockGuard g = monitorLock.acquire(Duration.ofSeconds(10))) {
                return body.get();
            }
        });
    }

    @Test
    void repliesAreMatchedToTheirCommandsById() throws Exception {
        OrderedLock second = locks.create(LockLevel.MONITOR, "monitor of other");
        CompletableFuture<JsonNode> status = inMonitor(() -> monitor.execute("query-status", null, T));
        JsonNode first = server.nextCommand();
        CompletableFuture<JsonNode> cpus = CompletableFuture.supplyAsync(() -> {
            try (LockGuard g = second.acquire()) {
                return monitor.execute("query-cpus-fast", null, T);
            }
        });
        JsonNode next = server.nextCommand();
        server.reply(next, "[{\"cpu-index\": 0}]");
        server.reply(first, "{\"status\": \"paused\", \"running\": false}");
        assertEquals("paused", status.get(5, TimeUnit.SECONDS).get("status").asText());
        assertEquals(0, cpus.get(5, TimeUnit.SECONDS).get(0).get("cpu-index").asInt());
        assertEquals("query-status", first.get("execute").asText());
    }

    @Test
    void anErrorReplyIsAnInternalErrorNamingTheCommand() throws Exception {
        CompletableFuture<JsonNode> r = inMonitor(() -> monitor.execute("cont", null, T));
        server.error(server.nextCommand(), "Resetting the Virtual Machine is required");
        VirException e = causeOf(r);
        assertEquals(VirErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("internal error: unable to execute QEMU command 'cont': Resetting the Virtual Machine is required",
                e.getMessage());
    }

    @Test
    void eventsArriveInOrderOffTheLoopAndTheCloseComesLast() throws Exception {
        CompletableFuture<JsonNode> hanging = inMonitor(() -> monitor.execute("system_powerdown", null, T));
        server.nextCommand();
        server.event("POWERDOWN");
        server.event("SHUTDOWN");
        server.event("STOP");
        server.hangUp();
        assertTrue(closedLatch.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("POWERDOWN", "SHUTDOWN", "STOP", "closed"), seen);
        assertFalse(seenOn.contains(EventLoop.THREAD_NAME));
        VirException e = causeOf(hanging);
        assertEquals(VirErrorCode.OPERATION_FAILED, e.code());
        assertEquals("operation failed: End of file from qemu monitor", e.getMessage());
        assertFalse(monitor.isOpen());
    }

    @Test
    void aSilentMonitorTimesOutNamingTheCommand() throws Exception {
        CompletableFuture<JsonNode> r = inMonitor(() -> monitor.execute("query-status", null, Duration.ofMillis(300)));
        server.nextCommand();
        VirException e = causeOf(r);
        assertEquals(VirErrorCode.OPERATION_TIMEOUT, e.code());
        assertTrue(e.getMessage().contains("did not answer command 'query-status'"), e.getMessage());
    }

    @Test
    void aCommandOutsideEnterMonitorIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> monitor.execute("stop", null, T));
        assertTrue(e.getMessage().contains("outside EnterMonitor"), e.getMessage());
        OrderedLock object = locks.create(LockLevel.OBJECT, "domain x");
        try (LockGuard o = object.acquire(); LockGuard m = monitorLock.acquire()) {
            assertThrows(IllegalStateException.class, () -> monitor.execute("stop", null, T));
        }
    }

    @Test
    void aRawCommandIsPassedThroughAndItsReplyReturnedAsQemuWroteIt() throws Exception {
        CompletableFuture<String> r = inMonitor(() -> monitor.executeRaw("{\"execute\":\"query-name\"}", T));
        JsonNode cmd = server.nextCommand();
        assertEquals("query-name", cmd.get("execute").asText());
        server.reply(cmd, "{\"name\": \"g\"}");
        assertEquals("{\"return\":{\"name\":\"g\"},\"id\":" + cmd.get("id") + "}", r.get(5, TimeUnit.SECONDS));
        CompletableFuture<String> bad = inMonitor(() -> monitor.executeRaw("not json", T));
        assertEquals(VirErrorCode.INVALID_ARG, causeOf(bad).code());
    }

    @Test
    void closingDetachesWithoutReportingAClose() throws Exception {
        monitor.close();
        assertFalse(monitor.isOpen());
        assertFalse(closedLatch.await(300, TimeUnit.MILLISECONDS));
        CompletableFuture<JsonNode> r = inMonitor(() -> monitor.execute("stop", null, T));
        assertEquals(VirErrorCode.OPERATION_FAILED, causeOf(r).code());
    }

    private static VirException causeOf(CompletableFuture<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof VirException v) {
                return v;
            }
            throw new AssertionError("not a VirException", e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error");
    }
}
