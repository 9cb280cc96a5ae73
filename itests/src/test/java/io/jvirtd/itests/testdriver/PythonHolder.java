package io.jvirtd.itests.testdriver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code testdriver/holder.py}: named python-libvirt connections kept open while the test acts on the
 * daemon, each call typed on the script's stdin and answered on one line with its duration. A call not
 * answered within {@link #CALL_DEADLINE} fails the test: nothing may hang.
 */
final class PythonHolder implements AutoCloseable {
    static final Duration CALL_DEADLINE = Duration.ofSeconds(10);
    private static final Duration OPEN_DEADLINE = Duration.ofSeconds(30);
    private final Process process; // immutable
    private final OutputLines output; // immutable
    private final OutputStream stdin; // immutable
    private int seq; // test thread only

    /** One call's answer: {@code ok} with the result, or the libvirt error's code and message. */
    record Answer(boolean ok, Duration took, int code, String text) {
    }

    private PythonHolder(Process process) {
        this.process = process;
        this.output = new OutputLines(process.getInputStream(), "testdriver-python-holder");
        this.stdin = process.getOutputStream();
    }

    /** Opens one connection to {@code uri} per name; fails unless all are open within the deadline. */
    static PythonHolder open(String uri, String... names) throws Exception {
        List<String> args = new ArrayList<>(List.of(uri));
        args.addAll(List.of(names));
        PythonHolder h = new PythonHolder(Python.builder("holder.py", args.toArray(String[]::new)).start());
        if (h.output.await("ready"::equals, 0, OPEN_DEADLINE).isEmpty()) {
            String out = h.output.text();
            h.close();
            throw new AssertionError("holder.py did not open its connections to " + uri + ":\n" + out);
        }
        return h;
    }

    /** Runs {@code op} (lookup, restart, list, close) on connection {@code name}. */
    Answer call(String name, String op) throws IOException, InterruptedException {
        String tag = ++seq + " ";
        int mark = output.mark();
        long start = System.nanoTime();
        stdin.write((tag + name + " " + op + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        String line = output.await(l -> l.startsWith(tag), mark, CALL_DEADLINE).orElseThrow(() -> new AssertionError(
                name + " " + op + " got no answer within " + CALL_DEADLINE + "; holder output:\n" + output.text()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String body = line.substring(tag.length());
        if (body.startsWith("ok ")) {
            String[] w = body.split(" ", 3); // ok SECONDS RESULT
            return new Answer(true, took, 0, w.length > 2 ? w[2] : "");
        }
        String[] w = body.split(" ", 4); // error SECONDS CODE MESSAGE
        return new Answer(false, took, Integer.parseInt(w[2]), w.length > 3 ? w[3] : "");
    }

    @Override
    public void close() throws Exception {
        try {
            stdin.write("quit\n".getBytes(StandardCharsets.UTF_8));
            stdin.close();
        } catch (IOException e) {
            // the script already ended
        }
        if (!process.waitFor(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
