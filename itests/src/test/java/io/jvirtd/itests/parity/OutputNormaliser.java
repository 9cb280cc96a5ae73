package io.jvirtd.itests.parity;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what legitimately differs between two daemons from one daemon's output, so the rest can be
 * compared byte for byte. One instance per daemon and run: generated uuids get placeholders in order
 * of first appearance ({@code <UUID-1>}, ...), so the same uuid is the same placeholder in every later
 * command and two daemons that generate uuids for the same objects in the same order agree.
 * <ul>
 * <li>the daemon's socket path ({@code uri}) and the fixtures folder;</li>
 * <li>version 4 uuids: the ones libvirt generates (the test driver's built-in objects have fixed uuids
 * of other versions, and those must match exactly);</li>
 * <li>cpu times (the test driver derives them from the clock);</li>
 * <li>dates ({@code snapshot-list}) and {@code <creationTime>} seconds;</li>
 * <li>a line that is exactly the host name.</li>
 * </ul>
 * Not thread-safe: one battery runs on one thread.
 */
final class OutputNormaliser {
    private static final Pattern V4_UUID = Pattern.compile(
            "\\b[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\b");
    private static final Pattern CPU_TIME = Pattern.compile("(CPU time:\\s+)[0-9]+(?:\\.[0-9]+)?s");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}");
    private static final Pattern CREATION_TIME = Pattern.compile("<creationTime>\\d+</creationTime>");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private final String socket; // immutable
    private final String fixtures; // immutable
    private final Pattern hostnameLine; // immutable
    private final Map<String, String> uuids = new LinkedHashMap<>(); // confined to the battery's thread

    OutputNormaliser(Path socket, Path fixtures, String hostname) {
        this.socket = socket.toString();
        this.fixtures = fixtures.toString();
        this.hostnameLine = Pattern.compile("(?m)^" + Pattern.quote(hostname) + "$");
    }

    String normalise(String text, boolean volatileNumbers) {
        String s = text.replace(socket, "<SOCKET>").replace(fixtures, "<FIXTURES>");
        Matcher m = V4_UUID.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String placeholder = uuids.computeIfAbsent(m.group(), u -> "<UUID-" + (uuids.size() + 1) + ">");
            m.appendReplacement(sb, Matcher.quoteReplacement(placeholder));
        }
        m.appendTail(sb);
        s = CPU_TIME.matcher(sb).replaceAll("$1<CPU-TIME>");
        s = DATE.matcher(s).replaceAll("<DATE>");
        s = CREATION_TIME.matcher(s).replaceAll("<creationTime><SECONDS></creationTime>");
        s = hostnameLine.matcher(s).replaceAll("<HOSTNAME>");
        if (volatileNumbers) {
            s = DIGITS.matcher(s).replaceAll("<N>");
        }
        return s;
    }
}
