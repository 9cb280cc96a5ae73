package io.jvirtd.itests.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A guest that really boots (Debian's kernel and a busybox initramfs, built once per run by
 * {@code qemu-guest/build-guest.sh} into {@code target/qemu-guest}) under TCG, so that {@code virsh
 * shutdown} (ACPI power button: the guest powers itself off) and {@code virsh reboot} (libvirt's fake
 * reboot: power off, then QEMU is reset and continued) really happen, watched through the guest's
 * serial log and a python-libvirt event client. The guest prints {@value #UP} on ttyS0 once it listens
 * for the power button, and {@value #POWERING_OFF} when it powers off.
 */
@Timeout(300)
class QemuGuestBootIT {
    private static final Path EMULATOR = Path.of("/usr/bin/qemu-system-x86_64");
    private static final String UP = "jvirtd-guest: up";
    private static final String POWERING_OFF = "jvirtd-guest: powering off";
    /** Boot to the marker takes 3-7 s under TCG on an idle host; much longer on a loaded one. */
    private static final Duration GUEST_DEADLINE = Duration.ofSeconds(120);
    private static Path guest; // built once, in @BeforeAll
    private QemuDaemon daemon;
    private VirshQemu virsh;

    @BeforeAll
    static void buildGuest() throws Exception {
        assumeTrue(Files.isExecutable(EMULATOR), "qemu-system-x86_64 is not installed");
        assumeTrue(Files.isExecutable(PythonScripts.PYTHON), "python3 is not installed");
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path script = base.resolve("src/test/resources/qemu-guest/build-guest.sh");
        Path out = base.resolve("target/qemu-guest");
        // run from the source tree: the script skips the build when its outputs are newer than itself
        Process p = new ProcessBuilder("sh", script.toString(), out.toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] log = p.getInputStream().readAllBytes(); // ends when the script does
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("build-guest.sh did not finish within 600 s");
        }
        // no kernel package (no mirror, no cache): the environment cannot run this test
        assumeTrue(p.exitValue() == 0, () -> "build-guest.sh failed: " + new String(log, StandardCharsets.UTF_8));
        guest = out;
    }

    @BeforeEach
    void start() throws Exception {
        daemon = new QemuDaemon(30);
        daemon.start();
        virsh = new VirshQemu(daemon.uri());
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) {
            List<Long> left = daemon.qemuPids();
            daemon.close();
            assertEquals(List.of(), left, "QEMU processes left running");
        }
    }

    private Path guestXml(String name, Path serialLog) throws IOException {
        // vmlinux (uncompressed, PVH entry) boots seconds faster under TCG than the self-decompressing vmlinuz
        Path kernel = Files.exists(guest.resolve("vmlinux")) ? guest.resolve("vmlinux") : guest.resolve("vmlinuz");
        return Files.writeString(daemon.home().resolve(name + ".xml"), "<domain type='qemu'>\n  <name>" + name
                + "</name>\n  <uuid>" + UUID.randomUUID() + "</uuid>\n  <memory unit='MiB'>128</memory>\n"
                + "  <vcpu>1</vcpu>\n  <os>\n    <type arch='x86_64' machine='pc'>hvm</type>\n    <kernel>" + kernel
                + "</kernel>\n    <initrd>" + guest.resolve("initrd.img") + "</initrd>\n"
                + "    <cmdline>console=ttyS0 quiet panic=-1</cmdline>\n  </os>\n  <features><acpi/></features>\n"
                + "  <devices>\n    <serial type='file'>\n      <source path='" + serialLog + "'/>\n"
                + "      <target port='0'/>\n    </serial>\n    <memballoon model='none'/>\n  </devices>\n"
                + "</domain>\n");
    }

    @Test
    void acpiShutdownAndRebootOfABootedGuestWithLibvirtsStatesAndEvents() throws Exception {
        Path serial = daemon.home().resolve("g1-serial.log");
        Process events = PythonScripts.builder("guest_events.py", daemon.uri()).start();
        try {
            ProcessLines ev = new ProcessLines(events, "guest-events");
            ev.await("READY", Duration.ofSeconds(30));
            virsh.ok("define", guestXml("g1", serial).toString());

            // ---- shutdown: the guest powers off on the ACPI power button; QEMU is then told to quit
            long t0 = System.nanoTime();
            virsh.ok("start", "g1");
            awaitSerial(serial, UP, 1);
            long booted = System.nanoTime();
            virsh.ok("shutdown", "g1");
            awaitState("g1", "shut off");
            long down = System.nanoTime();
            assertEquals("shut off (shutdown)", virsh.ok("domstate", "--reason", "g1").trim());
            assertTrue(Files.readString(serial, StandardCharsets.ISO_8859_1).contains(POWERING_OFF), "the guest powered itself off");
            // libvirt: SHUTDOWN "Finished after guest request" (QEMU's SHUTDOWN guest=true), then STOPPED "Shutdown";
            // the SHUTDOWN QEMU repeats when told to quit (host-signal) is not reported again
            ev.await("LIFECYCLE g1 5 0", Duration.ofSeconds(30));
            assertEquals(List.of("READY", "LIFECYCLE g1 0 0", "LIFECYCLE g1 2 0", "LIFECYCLE g1 6 1",
                    "LIFECYCLE g1 5 0"), ev.all());
            assertEquals(List.of(), daemon.qemuPids());

            // ---- reboot: libvirt's fake reboot; the guest powers off, QEMU (-no-shutdown) is reset and continued
            Files.delete(serial);
            virsh.ok("start", "g1");
            awaitSerial(serial, UP, 1);
            long rebootAt = System.nanoTime();
            virsh.ok("reboot", "g1");
            awaitSerial(serial, UP, 2);
            long rebooted = System.nanoTime();
            assertTrue(Files.readString(serial, StandardCharsets.ISO_8859_1).contains(POWERING_OFF), "the guest powered off for the reboot");
            assertEquals("running (booted)", virsh.ok("domstate", "--reason", "g1").trim());
            assertEquals(1, daemon.qemuPids().size(), "the same QEMU runs on");
            // libvirt reports a fake reboot with no lifecycle event at all, and VIR_DOMAIN_EVENT_ID_REBOOT from
            // QEMU's RESET
            ev.await("REBOOT g1", Duration.ofSeconds(30));
            virsh.ok("destroy", "g1");
            virsh.ok("undefine", "g1");
            ev.await("LIFECYCLE g1 1 0", Duration.ofSeconds(30));
            List<String> lifecycle = ev.all().stream().filter(l -> l.startsWith("LIFECYCLE")).toList();
            assertEquals(List.of("LIFECYCLE g1 0 0", "LIFECYCLE g1 2 0", "LIFECYCLE g1 6 1", "LIFECYCLE g1 5 0",
                    "LIFECYCLE g1 2 0", "LIFECYCLE g1 5 1", "LIFECYCLE g1 1 0"), lifecycle);
            // QEMU reports the host's system_reset and then the guest's own reset (two RESET events, seen
            // here); libvirt relays every RESET as a REBOOT event, and so does jvirtd
            List<String> reboots = ev.all().stream().filter(l -> l.startsWith("REBOOT")).toList();
            assertTrue(!reboots.isEmpty() && reboots.size() <= 2 && reboots.stream().allMatch("REBOOT g1"::equals),
                    "REBOOT events of the reboot: " + reboots);
            System.out.printf("QemuGuestBootIT: boot to marker %d ms, shutdown to shut off %d ms, reboot to marker "
                    + "%d ms; reboot events: %s%n", ms(booted - t0), ms(down - booted), ms(rebooted - rebootAt),
                    ev.all().stream().filter(l -> l.startsWith("REBOOT")).toList());
        } finally {
            events.getOutputStream().close();
            if (!events.waitFor(10, TimeUnit.SECONDS)) {
                events.destroyForcibly();
            }
        }
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** Polls the serial log until {@code text} occurs {@code count} times, within {@link #GUEST_DEADLINE}. */
    private static void awaitSerial(Path log, String text, int count) throws IOException {
        long end = System.nanoTime() + GUEST_DEADLINE.toNanos();
        while (true) {
            String s = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
            int n = 0;
            for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
                n++;
            }
            if (n >= count) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("'" + text + "' x" + count + " not in " + log + " within " + GUEST_DEADLINE
                        + ":\n" + s);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // poll interval (nothing notifies a write)
        }
    }

    /** Polls {@code virsh domstate} until it is {@code state}, within {@link #GUEST_DEADLINE}. */
    private void awaitState(String name, String state) throws Exception {
        long end = System.nanoTime() + GUEST_DEADLINE.toNanos();
        String s;
        while (!(s = virsh.ok("domstate", name).trim()).equals(state)) {
            if (System.nanoTime() > end) {
                throw new AssertionError(name + " is still " + s + " after " + GUEST_DEADLINE);
            }
        }
    }
}
