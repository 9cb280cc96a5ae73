package io.jvirtd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import io.jvirtd.api.admin.ClientSummary;
import io.jvirtd.api.driver.DriverInfo;
import io.jvirtd.api.error.VirException;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The commands through Gogo's own parser, as the shell and {@code bin/jvirtd --exec} call them. */
@Timeout(10)
class GogoSessionTest {
    private final ThreadIOImpl threadIo = new ThreadIOImpl();
    private final CommandProcessorImpl processor = new CommandProcessorImpl(threadIo);
    private final FakePool pool = new FakePool("libvirtd");
    private final CommandSession session;
    private final FakeServerAdmin admin = new FakeServerAdmin(
            new ClientSummary("libvirtd", 4, "unix", 0, false, "Test", "uid 0 (root)"),
            new ClientSummary("libvirtd", 5, "unix", 0, false, "Test", "uid 0 (root)"));

    GogoSessionTest() {
        threadIo.start();
        ThreadPoolCommands threadPool = new ThreadPoolCommands();
        threadPool.addPool(pool);
        DriverCommands drivers = new DriverCommands();
        drivers.setRegistry(new FakeDriverRegistry(new DriverInfo("Test", "test", "io.jvirtd.driver.test", 23)));
        processor.addCommand("virt", threadPool, "threadpool");
        processor.addCommand("virt", drivers, "drivers");
        processor.addCommand("virt", new DiagnosticCommands(), "dump");
        ClientCloseCommand close = new ClientCloseCommand();
        close.admin = admin;
        processor.addCommand("virt", close, "client-close");
        ClientCommands clients = new ClientCommands();
        clients.admin = admin;
        processor.addCommand("virt", clients, "clients");
        processor.addCommand("virt", clients, "limits");
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
    }

    @AfterEach
    void close() {
        session.close();
        threadIo.stop();
    }

    @Test
    void optionsAreParsedAndAbsentOnesAreUnchanged() throws Exception {
        assertEquals("libvirtd\t5\t20\t7\t3\t5\t11\n", session.execute("virt:threadpool --no-format"));
        assertTrue(pool.calls.isEmpty());
        assertEquals("libvirtd\t5\t30\t7\t3\t2\t11\n", session.execute("virt:threadpool --max 30 --prio 2 --no-format"));
        session.execute("virt:threadpool --server libvirtd --min 1");
        assertEquals(List.of(List.of(-1, 30, 2), List.of(1, -1, -1)), pool.calls);
        assertTrue(session.execute("virt:drivers").toString().startsWith("driver  scheme  bundle"));
        assertTrue(session.execute("virt:dump").toString().contains("== threads\n"));
    }

    @Test
    void theDashedClientCloseTakesItsOptionsAndId() throws Exception {
        assertEquals("Client '4' disconnected\n", session.execute("virt:client-close 4"));
        assertEquals("Client '5' disconnected\n", session.execute("virt:client-close --server libvirtd 5"));
        assertEquals(ClientCloseCommand.USAGE, session.execute("virt:client-close --help"));
        VirException e = assertThrows(VirException.class, () -> session.execute("virt:client-close -s admin 4"));
        assertEquals("Server not found: No server named 'admin'", e.getMessage());
        assertEquals("", session.execute("virt:clients --no-format"));
        assertEquals("libvirtd\t3\t0\t2\t0\n",
                session.execute("virt:limits --max-clients 3 --max-unauth-clients 2 --no-format"));
    }

    @Test
    void aRefusedChangeFailsTheSessionWithLibvirtsMessage() {
        VirException e = assertThrows(VirException.class, () -> session.execute("virt:threadpool --min 50"));
        assertEquals("invalid argument: minWorkers cannot be larger than maxWorkers", e.getMessage());
    }
}
