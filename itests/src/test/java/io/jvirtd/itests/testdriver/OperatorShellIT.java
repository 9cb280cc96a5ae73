package io.jvirtd.itests.testdriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The operator's path into the running daemon: {@code bin/jvirtd-shell} runs {@code virt:}
 * commands through data/run/jvirtd-shell-sock (0700) while a python-libvirt client is connected,
 * and they act on the same daemon the client uses.
 */
@Timeout(180)
class OperatorShellIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void binJvirtdShellSeesAndActsOnTheRunningDaemon() throws Exception {
        try (DaemonWithTestDriver daemon = DaemonWithTestDriver.start(false)) {
            Path socket = daemon.home().resolve("data/run/jvirtd-shell-sock");
            assertTrue(daemon.output().await(l -> l.contains("operator shell listening on " + socket), 0, DEADLINE)
                    .isPresent(), () -> daemon.output().text());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));

            Process holder = Python.builder("holder.py", daemon.uri(), "a").start();
            OutputLines held = new OutputLines(holder.getInputStream(), "operator-shell-holder");
            OutputStream toHolder = holder.getOutputStream();
            try {
                assertTrue(held.await(l -> l.equals("ready"), 0, DEADLINE).isPresent(), held::text);

                Result clients = shell(daemon, "virt:clients", "--no-format");
                assertEquals(0, clients.exitCode, clients.out);
                List<String> rows = clients.out.lines().toList();
                assertEquals(1, rows.size(), clients.out);
                String[] client = rows.get(0).split("\t");
                assertEquals(List.of("unix", "no", "Test"), List.of(client[1], client[3], client[4]), clients.out);
                assertTrue(client[5].startsWith("uid 0 (root)"), clients.out);

                Result drivers = shell(daemon, "virt:drivers --no-format");
                String testDriver = drivers.out.lines().filter(l -> l.startsWith("Test\ttest\tio.jvirtd.driver.test\t"))
                        .findFirst().orElseThrow(() -> new AssertionError("no Test driver row:\n" + drivers.out));
                assertTrue(testDriver.endsWith("\t1"), "one open connection on the Test driver: " + drivers.out);
                assertTrue(drivers.out.lines().filter(l -> !l.equals(testDriver)).allMatch(l -> l.endsWith("\t0")),
                        "no connection on the other drivers: " + drivers.out);

                assertEquals("1\ttest\trunning\n", shell(daemon, "virt:list", "--all", "--no-format").out);
                assertEquals("Domain 'test' destroyed\n", shell(daemon, "virt:destroy test").out);
                assertEquals("1 ok", ask(toHolder, held, "1 a lookup").substring(0, 4));
                assertTrue(held.text().contains("1 ok") && lastAnswer(held, "1").endsWith("id -1 active 0"),
                        "the client sees the domain the shell destroyed: " + held.text());
                assertEquals("-\ttest\tshut off\n", shell(daemon, "virt:list --all --no-format").out);
                assertEquals("Domain 'test' started\n", shell(daemon, "virt:start", "test").out);

                Result refused = shell(daemon, "virt:start test");
                assertEquals(1, refused.exitCode, refused.out);
                assertTrue(refused.out.startsWith("error: ") && refused.out.contains("already running"), refused.out);
                Result unknown = shell(daemon, "nosuch:command");
                assertEquals(1, unknown.exitCode, unknown.out);

                assertEquals("Client '" + client[0] + "' disconnected\n",
                        shell(daemon, "virt:client-close", client[0]).out);
                assertEquals("", shell(daemon, "virt:clients --no-format").out);
                String after = ask(toHolder, held, "2 a lookup");
                assertTrue(after.startsWith("2 error"), "the closed client's next call fails: " + after);

                Result lines = shell(daemon, List.of(), "virt:limits --no-format\nvirt:threadpool --server admin --no-format\n");
                assertEquals(0, lines.exitCode, lines.out);
                assertEquals("libvirtd\t5000\t0\t20\t0\nadmin\t5\t20\t5\t", lines.out.substring(0, "libvirtd\t5000\t0\t20\t0\nadmin\t5\t20\t5\t".length()), lines.out);

                Result nowhere = shell(daemon, List.of("--socket", daemon.home().resolve("nothing-here").toString()), null,
                        "virt:clients");
                assertEquals(2, nowhere.exitCode, nowhere.out);
                assertTrue(nowhere.out.contains("is jvirtd running?"), nowhere.out);
            } finally {
                holder.destroyForcibly();
            }
        }
    }

    // ---- helpers ----

    record Result(int exitCode, String out) {
    }

    private static Result shell(DaemonWithTestDriver daemon, String... command) throws Exception {
        return shell(daemon, List.of(), null, command);
    }

    private static Result shell(DaemonWithTestDriver daemon, List<String> options, String stdin, String... command)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(daemon.home().resolve("bin/jvirtd-shell").toString()));
        cmd.addAll(options);
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish");
        }
        return new Result(p.exitValue(), out);
    }

    private static String ask(OutputStream toHolder, OutputLines held, String line) throws Exception {
        int mark = held.mark();
        toHolder.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toHolder.flush();
        String seq = line.split(" ")[0];
        return held.await(l -> l.startsWith(seq + " "), mark, DEADLINE)
                .orElseThrow(() -> new AssertionError("holder did not answer " + line + ":\n" + held.text()));
    }

    private static String lastAnswer(OutputLines held, String seq) {
        List<String> answers = held.matching(l -> l.startsWith(seq + " "));
        return answers.get(answers.size() - 1);
    }
}
