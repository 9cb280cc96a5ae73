package io.jvirtd.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.jvirtd.api.domain.DomainEvent;
import io.jvirtd.api.driver.ConnectRequest;
import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.core.internal.event.SelectorEventLoop;
import io.jvirtd.core.internal.lock.OrderedLockFactory;
import io.jvirtd.core.internal.object.ObjectModel;

import org.junit.jupiter.api.function.Executable;

/**
 * A QEMU driver on core's real lock hierarchy (order violations throw), object model and event
 * loop, with its state in a temporary directory; real QEMU guests under TCG. {@link #close} kills
 * every QEMU whose command line names that directory, whatever the test did.
 */
final class QemuFixture implements AutoCloseable {
    static final String EMULATOR = "/usr/bin/qemu-system-x86_64";
    final Path dir;
    final OrderedLockFactory locks = new OrderedLockFactory(true, Duration.ofSeconds(10));
    final ObjectModel model;
    final SelectorEventLoop loop = new SelectorEventLoop();
    final BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
    QemuDriver driver;
    DriverConnection conn;

    QemuFixture(Path dir, Duration jobWait) {
        this.dir = dir;
        this.model = new ObjectModel(locks, jobWait);
        loop.start();
        startDriver();
    }

    /** A new driver instance over the same state directory (a restart or a bundle update). */
    void startDriver() {
        driver = new QemuDriver(locks, model, loop, Map.of("state_dir", dir.toString(), "shutdown_grace_ms", "2000",
                "monitor_timeout", "60"));
        conn = driver.open(new ConnectRequest("qemu:///system", false));
        conn.domains().subscribe(events::add);
    }

    void stopDriver() {
        driver.deactivate();
    }

    /** A guest with no disk: SeaBIOS finds nothing to boot and idles, which is all these tests need. */
    static String xml(String name, UUID uuid, String extra) {
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + uuid + "</uuid><memory unit='MiB'>32</memory>"
                + "<os><type>hvm</type></os><features><acpi/></features><devices><emulator>" + EMULATOR
                + "</emulator>" + extra + "</devices></domain>";
    }

    /** The next lifecycle event, within 20 s. */
    DomainEvent nextEvent() throws InterruptedException {
        DomainEvent e = events.poll(20, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no lifecycle event within 20 s");
        }
        return e;
    }

    void expectEvent(String name, int event, int detail) throws InterruptedException {
        DomainEvent e = nextEvent();
        assertEquals(List.of(name, event, detail), List.of(e.domain().name(), e.event(), e.detail()), e.toString());
    }

    /** Waits until {@code condition} holds, re-checking on each poll of the event queue; fails after 20 s. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Object monitor = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            synchronized (monitor) {
                monitor.wait(20); // re-check a condition of another process: nothing to be notified by
            }
        }
    }

    /** Every QEMU started from this fixture's directory, by pid. */
    List<Long> qemuPids() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                    return cmd.contains("qemu-system") && cmd.contains(dir.toString());
                } catch (IOException e) {
                    return false;
                }
            }).map(p -> Long.parseLong(p.getFileName().toString())).filter(HostProcesses::alive).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static VirException assertVirError(VirErrorCode code, VirErrorDomain domain, String message, Executable call) {
        VirException e = assertThrows(VirException.class, call);
        assertEquals(List.of(code, domain, message), List.of(e.code(), e.domain(), e.getMessage()));
        return e;
    }

    @Override
    public void close() {
        for (long pid : qemuPids()) {
            HostProcesses.kill(pid);
        }
        try {
            driver.deactivate();
        } finally {
            loop.stop();
        }
    }
}
