package io.jvirtd.launcher;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/jvirtd-shell}: runs shell commands in the <em>running</em> daemon through its operator
 * socket ({@code data/run/jvirtd-shell-sock}, mode 0700). With a command on the command line, runs
 * it and exits with its status (0 done, 1 failed, 2 daemon not reachable); without one, reads
 * commands from standard input, one per line, with a {@code jvirtd>} prompt on a terminal.
 * <p>
 * Protocol: one connection per command; the client sends the line and a newline, the daemon answers
 * with the output and a trailer line {@code NUL status}, then closes.
 */
public final class ShellClient {
    static final String USAGE = """
            usage: jvirtd-shell [--socket PATH] ["<command>" ...]
              runs shell commands (virt:clients, virt:threadpool, felix:lb...) in the running daemon
              COMMAND          one command, e.g. "virt:clients"; several words are joined with spaces
              (no command)     read commands from standard input, one per line
              --socket PATH    the daemon's operator socket (default <jvirtd home>/data/run/jvirtd-shell-sock,
                               or $JVIRTD_SHELL_SOCKET)
            """;
    static final int UNREACHABLE = 2;

    private ShellClient() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.in, System.out, System.err));
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        Path socket = defaultSocket();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            // options of jvirtd-shell itself only before the command: "virt:clients --help" is the command's
            if (words.isEmpty() && a.equals("--socket") && i + 1 < args.size()) {
                socket = Path.of(args.get(++i));
            } else if (words.isEmpty() && (a.equals("--help") || a.equals("-h"))) {
                out.print(USAGE);
                return 0;
            } else {
                words.add(a);
            }
        }
        if (!Files.exists(socket)) {
            err.println("error: no daemon's operator socket at " + socket + " (is jvirtd running? see --help)");
            return UNREACHABLE;
        }
        if (!words.isEmpty()) {
            return execute(socket, String.join(" ", words), out, err);
        }
        boolean terminal = System.console() != null;
        int status = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            while (true) {
                if (terminal) {
                    out.print("jvirtd> ");
                    out.flush();
                }
                String line = lines.readLine();
                if (line == null || line.trim().equals("exit")) {
                    return status;
                }
                if (!line.isBlank()) {
                    status = execute(socket, line.trim(), out, err);
                    if (status == UNREACHABLE) {
                        return status;
                    }
                }
            }
        } catch (IOException e) {
            err.println("error: reading commands: " + e.getMessage());
            return 1;
        }
    }

    /** Runs one command in the daemon; prints its output; returns its status. */
    static int execute(Path socket, String command, PrintStream out, PrintStream err) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer request = StandardCharsets.UTF_8.encode(command.replace('\n', ' ') + "\n");
            while (request.hasRemaining()) {
                ch.write(request);
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            Channels.newInputStream(ch).transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            int trailer = text.lastIndexOf('\u0000');
            if (trailer < 0) {
                err.println("error: the daemon closed the connection without an answer");
                return 1;
            }
            out.print(text.substring(0, trailer));
            out.flush();
            return text.startsWith("0", trailer + 1) ? 0 : 1;
        } catch (IOException e) {
            err.println("error: cannot reach the daemon at " + socket + ": " + e.getMessage());
            return UNREACHABLE;
        }
    }

    private static Path defaultSocket() {
        String env = System.getenv("JVIRTD_SHELL_SOCKET");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("jvirtd.home", "."), "data", "run", "jvirtd-shell-sock");
    }
}
