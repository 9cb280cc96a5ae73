package io.jvirtd.itests.parity;

import java.util.List;

/**
 * What one daemon answered to a battery, normalised: per command its exit code, stdout and stderr.
 * {@code holder} says whether the long-lived connection that keeps the test driver's state was open.
 */
record VirshTranscript(String daemon, boolean holder, String holderOutput, List<Entry> entries, long millis) {

    record Entry(Battery.Command command, int exitCode, String out, String err) {
        boolean sameAs(Entry other) {
            return exitCode == other.exitCode && out.equals(other.out) && err.equals(other.err);
        }
    }

    /** The transcript as a text file, so two runs or two daemons can also be compared with diff(1). */
    String render() {
        StringBuilder sb = new StringBuilder("# virsh battery against " + daemon + " (holder connection "
                + (holder ? "open" : "NOT open") + ", " + millis + " ms)\n");
        for (Entry e : entries) {
            sb.append("### [").append(e.command().where()).append("] virsh ").append(e.command().text())
                    .append("\nexit ").append(e.exitCode()).append("\n--- stdout\n").append(terminated(e.out()))
                    .append("--- stderr\n").append(terminated(e.err()));
        }
        return sb.toString();
    }

    private static String terminated(String text) {
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n\\ (no newline at end)\n";
    }
}
