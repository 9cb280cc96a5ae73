package io.jvirtd.shell.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import io.jvirtd.api.config.ConfigValues;
import io.jvirtd.api.dispatch.Priority;
import io.jvirtd.api.dispatch.WorkerPool;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.event.EventLoop;
import io.jvirtd.api.event.IoRegistration;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's way into the running daemon's shell ({@code bin/jvirtd-shell}): a unix socket,
 * {@code data/run/jvirtd-shell-sock} (mode 0700, so only the daemon's user and root reach it; there is
 * no network listener). A client sends one command line; the daemon runs it in a fresh Gogo session
 * and answers with its output, then a trailer line {@code NUL status} (0 done, 1 failed), and closes.
 * <p>
 * The event loop accepts, reads the command line and writes the answer ({@link OperatorConnection});
 * the command runs on a worker of the admin server, where virt-admin's calls run. No lock is held
 * while a command runs.
 */
@Component(service = {}, immediate = true, configurationPid = OperatorSocket.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class OperatorSocket {
    static final String PID = "io.jvirtd.shell";
    /** The trailer that ends every answer: NUL, the status digit, a newline. */
    static final char TRAILER = '\u0000';
    private static final Logger LOG = LoggerFactory.getLogger(OperatorSocket.class);

    private final EventLoop loop; // immutable
    private final CommandProcessor processor; // immutable
    private final WorkerPool workers; // immutable: the admin server's pool
    private final Path socketFile; // immutable
    private final ServerSocketChannel listener; // immutable
    private final IoRegistration registration; // immutable

    @Activate
    public OperatorSocket(@Reference EventLoop loop, @Reference CommandProcessor processor,
            @Reference(target = "(jvirtd.server=admin)") WorkerPool workers, Map<String, Object> properties)
            throws IOException {
        this.loop = loop;
        this.processor = processor;
        this.workers = workers;
        this.socketFile = Path.of(new ConfigValues(PID, properties).stringValue("shell_sock", defaultSocket()));
        Files.createDirectories(socketFile.getParent());
        Files.deleteIfExists(socketFile);
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(socketFile), 16);
            Files.setPosixFilePermissions(socketFile, PosixFilePermissions.fromString("rwx------"));
            ch.configureBlocking(false);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        this.listener = ch;
        this.registration = loop.register(ch, SelectionKey.OP_ACCEPT, (reg, ops) -> accept());
        LOG.info("operator shell listening on {} (bin/jvirtd-shell)", socketFile);
    }

    @Deactivate
    void close() throws IOException {
        registration.cancel();
        listener.close();
        Files.deleteIfExists(socketFile);
    }

    /** {@code <jvirtd home>/data/run/jvirtd-shell-sock}, beside the daemon's other sockets. */
    static String defaultSocket() {
        return Path.of(System.getProperty("jvirtd.home", "."), "data", "run", "jvirtd-shell-sock").toString();
    }

    // ---- event loop ----

    private void accept() {
        assert loop.inEventLoop();
        try {
            SocketChannel ch = listener.accept();
            if (ch == null) {
                return;
            }
            ch.configureBlocking(false);
            OperatorConnection connection = new OperatorConnection(ch, this::submit);
            connection.registered(loop.register(ch, SelectionKey.OP_READ, (reg, ops) -> connection.ready(ops)));
        } catch (IOException e) {
            LOG.warn("operator shell: accepting failed: {}", e.getMessage());
        }
    }

    private void submit(OperatorConnection connection, String command) {
        try {
            workers.submit(Priority.NORMAL, () -> run(connection, command));
        } catch (VirException busy) {
            connection.reply("error: " + busy.getMessage() + "\n", false);
        }
    }

    // ---- worker ----

    private void run(OperatorConnection connection, String command) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        boolean ok;
        // the session's standard error is dropped: the daemon's own console log (stderr) written from
        // the command's threads would land there; a failed command's message comes from its exception
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
                CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out,
                        OutputStream.nullOutputStream())) {
            try {
                Object result = command.isEmpty() ? null : session.execute(command);
                if (result != null) {
                    // the commands' tables end with a newline already; other results get one
                    String text = String.valueOf(session.format(result, 0));
                    out.print(text.isEmpty() || text.endsWith("\n") ? text : text + "\n");
                }
                ok = true;
            } catch (Exception e) {
                out.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                ok = false;
            }
            out.flush();
        }
        LOG.info("operator shell: '{}' {}", command, ok ? "done" : "failed");
        String text = output.toString(StandardCharsets.UTF_8);
        boolean status = ok;
        loop.execute(() -> connection.reply(text, status));
    }
}
