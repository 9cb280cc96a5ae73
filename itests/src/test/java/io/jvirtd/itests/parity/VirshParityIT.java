package io.jvirtd.itests.parity;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real virsh against the real libvirtd 9.0 and against jvirtd, both serving
 * {@code test:///default}: the battery {@code parity/virsh-battery.txt} runs in the same order on
 * each, one virsh process per command, while a holder connection keeps the test driver's state
 * alive, so commands build on each other (define, start, suspend, ...). Exit code, stdout and stderr
 * must match after {@link OutputNormaliser}; every mismatching command is reported in one failure.
 * <p>
 * {@code -Dparity.selftest=true} compares two real libvirtd instances instead (see
 * {@link ParityDaemons}). Normalised transcripts go to {@code target/parity/}.
 */
@Timeout(600)
class VirshParityIT {
    private static final String BATTERY = "parity/virsh-battery.txt";
    private static final int MIN_BATTERY_SIZE = 60;
    private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(15);
    /** A daemon that hangs on every command must not hold the build for commands x deadline. */
    private static final Duration BATTERY_BUDGET = Duration.ofSeconds(120);
    private static final Battery.Command AFTER_HOLDER = new Battery.Command(0, List.of("list", "--all"), false);

    @Test
    void virshBatteryGivesTheSameAnswersOnBothDaemons() throws Exception {
        Battery battery = Battery.load(BATTERY);
        assertTrue(battery.commands().size() >= MIN_BATTERY_SIZE,
                "the battery has " + battery.commands().size() + " commands, fewer than " + MIN_BATTERY_SIZE);
        Path work = Files.createTempDirectory("parity-virsh-");
        try {
            Path fixtures = Files.createDirectories(work.resolve("fixtures"));
            FileTrees.copy(Path.of(VirshParityIT.class.getClassLoader().getResource(BATTERY).toURI()).getParent(),
                    fixtures);
            VirshRunner virsh = new VirshRunner(fixtures, Files.createDirectories(work.resolve("home")),
                    COMMAND_DEADLINE);
            VirshTranscript expected;
            VirshTranscript actual;
            try (ParityDaemon lvd = ParityDaemons.startExpected(); ParityDaemon other = ParityDaemons.startActual()) {
                expected = run(battery, virsh, lvd, fixtures);
                actual = run(battery, virsh, other, fixtures);
            }
            Path reports = Files.createDirectories(Path.of("target", "parity"));
            Files.writeString(reports.resolve("virsh-expected-" + expected.daemon() + ".txt"), expected.render());
            Files.writeString(reports.resolve("virsh-actual-" + actual.daemon() + ".txt"), actual.render());
            assertTrue(expected.holder(), "the holder connection to the reference libvirtd did not open; "
                    + "the harness is broken:\n" + expected.holderOutput());
            String differences = differences(expected, actual);
            if (!differences.isEmpty()) {
                fail(differences + "\nnormalised transcripts: " + reports.toAbsolutePath());
            }
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }

    private static VirshTranscript run(Battery battery, VirshRunner virsh, ParityDaemon daemon, Path fixtures)
            throws Exception {
        OutputNormaliser normaliser = new OutputNormaliser(daemon.socket(), fixtures, HostName.get());
        List<VirshTranscript.Entry> entries = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + BATTERY_BUDGET.toNanos();
        boolean connected;
        String holderOutput;
        try (HolderConnection holder = HolderConnection.open(virsh, daemon.uri())) {
            for (Battery.Command c : battery.commands()) {
                if (System.nanoTime() > end) {
                    entries.add(new VirshTranscript.Entry(c, VirshRunner.TIMED_OUT, "",
                            "[not run: the battery exceeded its budget of " + BATTERY_BUDGET + "]\n"));
                    continue;
                }
                entries.add(run(virsh, daemon, normaliser, c));
            }
            connected = holder.connected();
            holderOutput = holder.transcript();
        }
        // the last connection closed: the test driver must have dropped everything the battery changed
        entries.add(run(virsh, daemon, normaliser, AFTER_HOLDER));
        return new VirshTranscript(daemon.name(), connected, holderOutput, entries,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private static VirshTranscript.Entry run(VirshRunner virsh, ParityDaemon daemon, OutputNormaliser normaliser,
            Battery.Command c) throws Exception {
        VirshRunner.Result r = virsh.run(daemon.uri(), c.args());
        return new VirshTranscript.Entry(c, r.exitCode(), normaliser.normalise(r.out(), c.volatileNumbers()),
                normaliser.normalise(r.err(), c.volatileNumbers()));
    }

    private static String differences(VirshTranscript expected, VirshTranscript actual) {
        StringBuilder sb = new StringBuilder();
        int count = 0;
        if (!actual.holder()) {
            sb.append("the holder connection to ").append(actual.daemon()).append(" did not open (")
                    .append(actual.daemon()).append(" sees a fresh test:///default for every command):\n")
                    .append(actual.holderOutput().indent(4)).append('\n');
        }
        for (int i = 0; i < expected.entries().size(); i++) {
            VirshTranscript.Entry e = expected.entries().get(i);
            VirshTranscript.Entry a = actual.entries().get(i);
            if (e.sameAs(a)) {
                continue;
            }
            count++;
            sb.append("[").append(e.command().where()).append("] virsh ").append(e.command().text()).append('\n');
            if (e.exitCode() != a.exitCode()) {
                sb.append("  exit ").append(e.exitCode()).append(" (").append(expected.daemon()).append(") vs ")
                        .append(a.exitCode()).append(" (").append(actual.daemon()).append(")\n");
            }
            appendStream(sb, "stdout", e.out(), a.out(), expected, actual);
            appendStream(sb, "stderr", e.err(), a.err(), expected, actual);
        }
        if (count == 0 && actual.holder()) {
            return "";
        }
        return count + " of " + expected.entries().size() + " virsh commands differ between " + expected.daemon()
                + " (expected, -) and " + actual.daemon() + " (actual, +):\n" + sb;
    }

    private static void appendStream(StringBuilder sb, String stream, String expected, String actual,
            VirshTranscript e, VirshTranscript a) {
        if (!expected.equals(actual)) {
            sb.append("  ").append(stream).append(" (-").append(e.daemon()).append(" +").append(a.daemon())
                    .append("):\n").append(TextDiff.of(expected, actual, "    "));
        }
    }
}
