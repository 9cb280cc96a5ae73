package io.jvirtd.itests.parity;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One interactive {@code virsh} kept connected for a whole battery. The test driver keeps the state of
 * {@code test:///default} only while some connection is open, so without this every command would see
 * a fresh default state. Proven connected when virsh answers its {@code uri} command.
 */
final class HolderConnection implements AutoCloseable {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private final Process process; // immutable
    private final ProcessOutput output; // immutable
    private final OutputStream stdin; // immutable
    private final boolean connected;

    private HolderConnection(Process process, String uri) throws IOException, InterruptedException {
        this.process = process;
        this.output = new ProcessOutput(process.getInputStream(), "parity-holder-virsh");
        this.stdin = process.getOutputStream();
        stdin.write("uri\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        this.connected = output.awaitLine(uri::equals, DEADLINE).isPresent();
    }

    static HolderConnection open(VirshRunner virsh, String uri) throws IOException, InterruptedException {
        Process p = virsh.builder(List.of("virsh", "-c", uri)).redirectErrorStream(true).start();
        return new HolderConnection(p, uri);
    }

    boolean connected() {
        return connected;
    }

    /** What the holder printed (for failure messages). */
    String transcript() {
        return output.text();
    }

    @Override
    public void close() throws Exception {
        try {
            stdin.write("quit\n".getBytes(StandardCharsets.UTF_8));
            stdin.close();
        } catch (IOException e) {
            // virsh already ended
        }
        if (!process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
