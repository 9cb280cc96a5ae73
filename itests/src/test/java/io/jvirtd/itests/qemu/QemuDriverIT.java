package io.jvirtd.itests.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The QEMU driver in the assembled daemon, with real guests (TCG, no disk: SeaBIOS idles), driven
 * by real virsh and python-libvirt over {@code qemu+unix:///system?socket=...}.
 */
@Timeout(180)
class QemuDriverIT {
    private static final Path EMULATOR = Path.of("/usr/bin/qemu-system-x86_64");
    private static final Path PYTHON = PythonScripts.PYTHON;
    private QemuDaemon daemon;
    private VirshQemu virsh;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(EMULATOR), "qemu-system-x86_64 is not installed");
        daemon = new QemuDaemon(3);
        daemon.start();
        virsh = new VirshQemu(daemon.uri());
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) {
            List<Long> left = daemon.qemuPids();
            daemon.close();
            // every test ends its guests itself; one left running means a leak
            assertEquals(List.of(), left, "QEMU processes left running");
        }
    }

    private Path guestXml(String name, String extraDevices) throws Exception {
        Path f = daemon.home().resolve(name + ".xml");
        Files.writeString(f, "<domain type='qemu'>\n  <name>" + name + "</name>\n  <uuid>" + UUID.randomUUID()
                + "</uuid>\n  <memory unit='MiB'>32</memory>\n  <os><type>hvm</type></os>\n  <features><acpi/>"
                + "</features>\n  <devices>" + extraDevices + "<serial type='pty'/></devices>\n</domain>\n");
        return f;
    }

    private String define(String name) throws Exception {
        return virsh.ok("define", guestXml(name, "").toString());
    }

    @Test
    void virshDrivesTheLifecycleWithLibvirtsStatesAndXml() throws Exception {
        assertTrue(virsh.ok("version").contains("Running hypervisor: QEMU 7."));
        define("vm1");
        assertTrue(Files.exists(daemon.home().resolve("data/qemu/config/vm1.xml")));
        assertEquals("shut off (unknown)", virsh.ok("domstate", "--reason", "vm1").trim());
        virsh.ok("start", "vm1");
        assertEquals("running (booted)", virsh.ok("domstate", "--reason", "vm1").trim());
        assertListed(virsh.ok("list"), 1, "vm1", "running");
        String live = virsh.ok("dumpxml", "vm1");
        assertTrue(live.startsWith("<domain type='qemu' id='1'>"), live);
        assertTrue(live.contains("<source path='/dev/pts/"), live);
        String inactive = virsh.ok("dumpxml", "--inactive", "vm1");
        assertFalse(inactive.contains("id='1'") || inactive.contains("/dev/pts/"), inactive);
        assertTrue(virsh.fails("start", "vm1").contains("error: Domain is already active")); // virsh's own check
        assertTrue(virsh.fails("create", guestXml("vm1", "").toString()).contains("error: operation failed: domain "
                + "'vm1' already exists with uuid"));
        virsh.ok("suspend", "vm1");
        assertEquals("paused (user)", virsh.ok("domstate", "--reason", "vm1").trim());
        virsh.ok("resume", "vm1");
        assertEquals("running (unpaused)", virsh.ok("domstate", "--reason", "vm1").trim());
        assertTrue(virsh.ok("dominfo", "vm1").contains("Max memory:     32768 KiB"));
        virsh.ok("shutdown", "vm1"); // ACPI request; SeaBIOS without an OS ignores it, the guest runs on
        assertEquals("running (unpaused)", virsh.ok("domstate", "--reason", "vm1").trim());
        long t0 = System.nanoTime();
        virsh.ok("destroy", "vm1");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3), "destroy is fast");
        assertEquals("shut off (destroyed)", virsh.ok("domstate", "--reason", "vm1").trim());
        assertTrue(virsh.fails("destroy", "vm1").contains("domain is not running"));
        assertEquals(List.of(), daemon.qemuPids());
        virsh.ok("undefine", "vm1");
        assertFalse(Files.exists(daemon.home().resolve("data/qemu/config/vm1.xml")));
    }

    @Test
    void pythonLibvirtDrivesTheLifecycleAndReceivesEveryEvent() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "python3 is not installed");
        Process p = PythonScripts.builder("lifecycle_events.py", daemon.uri(), guestXml("py1", "").toString()).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "python finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertEquals(List.of("STATE 1 1", "STATE 3 1", "INFO 1 32768 1 1", "STATE 5 2",
                "EVENT py1 0 0", "EVENT py1 2 0", "EVENT py1 3 0", "EVENT py1 4 0", "EVENT py1 5 1", "EVENT py1 1 0"),
                out.lines().toList());
    }

    @Test
    void guestsOfADaemonKilledWithSigkillAreReattachedAndControllable() throws Exception {
        for (String n : List.of("k1", "k2", "k3", "dead")) {
            define(n);
            virsh.ok("start", n);
        }
        virsh.ok("suspend", "k2");
        virsh.ok("autostart", "dead");
        daemon.kill9();
        List<Long> pids = daemon.qemuPids();
        assertEquals(4, pids.size(), "the guests outlive the daemon");
        long deadPid = Long.parseLong(Files.readString(daemon.home().resolve("data/qemu/run/dead.pid")).trim());
        ProcessHandle.of(deadPid).orElseThrow().destroyForcibly();
        daemon.start();
        String list = virsh.ok("list", "--all");
        assertListed(list, 1, "k1", "running");
        assertListed(list, 2, "k2", "paused");
        assertListed(list, 3, "k3", "running");
        // dead died while the daemon was away: shut off, then autostarted again with a fresh id
        assertListed(list, 5, "dead", "running");
        assertEquals("paused (user)", virsh.ok("domstate", "--reason", "k2").trim());
        virsh.ok("resume", "k2");
        for (String n : List.of("k1", "k2", "k3", "dead")) {
            virsh.ok("destroy", n);
        }
        assertEquals(List.of(), daemon.qemuPids());
    }

    @Test
    void aHotUpdateOfTheDriverBundleKeepsItsRunningGuests() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "python3 is not installed");
        define("hu1");
        virsh.ok("start", "hu1");
        Process client = PythonScripts.builder("connected_client.py", daemon.uri(), "hu1").start();
        var clientOut = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8));
        assertEquals("READY", clientOut.readLine());
        int seen = daemon.lineCount();
        Path jar = daemon.home().resolve("deploy/jvirtd-driver-qemu.jar");
        Path copy = daemon.home().resolve("jvirtd-driver-qemu.jar.new");
        Files.copy(jar, copy);
        Files.setLastModifiedTime(copy, FileTime.from(Instant.now().plusSeconds(5)));
        Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        daemon.awaitLine("driver QEMU unbound", seen, Duration.ofSeconds(30));
        daemon.awaitLine(QemuDaemon.QEMU_BOUND, seen, Duration.ofSeconds(30));
        assertEquals("running (booted)", virsh.ok("domstate", "--reason", "hu1").trim());
        // the connected client: its old connection names the unloaded driver (VIR_ERR_NO_CONNECT = 5), a new one works
        client.getOutputStream().write('\n');
        client.getOutputStream().flush();
        assertEquals("OLD ERROR 5", clientOut.readLine());
        assertEquals("NEW 1 1", clientOut.readLine());
        assertTrue(client.waitFor(30, TimeUnit.SECONDS));
        virsh.ok("suspend", "hu1");
        virsh.ok("resume", "hu1");
        virsh.ok("destroy", "hu1");
        virsh.ok("undefine", "hu1");
    }

    @Test
    void badInputGetsLibvirtsErrorsAndLeavesNothingBehind() throws Exception {
        Path bad = Files.writeString(daemon.home().resolve("bad.xml"), "<domain type='qemu'><name>x</name>");
        assertTrue(virsh.fails("define", bad.toString()).contains("error: XML error: (domain_definition)"));
        Path noEmu = Files.writeString(daemon.home().resolve("noemu.xml"), Files.readString(guestXml("ne", ""))
                .replace("<devices>", "<devices><emulator>/nonexistent/qemu</emulator>"));
        assertTrue(virsh.fails("define", noEmu.toString()).contains("error: Cannot check QEMU binary /nonexistent/qemu:"
                + " No such file or directory"));
        Path disk = daemon.home().resolve("missing.img");
        virsh.ok("define", guestXml("md", "<disk type='file' device='disk'><source file='" + disk
                + "'/><target dev='vda'/></disk>").toString());
        assertTrue(virsh.fails("start", "md").contains("error: Cannot access storage file '" + disk
                + "': No such file or directory"));
        Path first = guestXml("dup", "");
        virsh.ok("define", first.toString());
        String otherUuid = Files.readString(first).replaceAll("<uuid>.*</uuid>", "<uuid>" + UUID.randomUUID()
                + "</uuid>");
        Path second = Files.writeString(daemon.home().resolve("dup2.xml"), otherUuid);
        assertTrue(virsh.fails("define", second.toString()).contains("error: operation failed: domain 'dup' already "
                + "exists with uuid"));
        Path unsupported = guestXml("hd", "<hostdev mode='subsystem' type='usb'/>");
        assertTrue(virsh.fails("create", unsupported.toString()).contains("error: unsupported configuration: element "
                + "<hostdev> (/domain/devices/hostdev) is not supported by the QEMU driver"));
        assertEquals(List.of(), daemon.qemuPids());
        try (var run = Files.list(daemon.home().resolve("data/qemu/run"))) {
            assertEquals(List.of(), run.toList());
        }
        try (var config = Files.list(daemon.home().resolve("data/qemu/config"))) {
            assertEquals(List.of("dup.xml", "md.xml"), config.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void eightClientsOnEightGuestsAndAFrozenGuestBlocksOnlyItsOwnJobs() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "python3 is not installed");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            names.add("c" + i);
            virsh.ok("create", guestXml("c" + i, "").toString());
        }
        List<String> args = new ArrayList<>(List.of(daemon.uri(), "8", "2"));
        args.addAll(names);
        Process p = PythonScripts.builder("concurrent_clients.py", args.toArray(new String[0])).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "clients finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("OK " + 8 * 2 * 8 * 3, out.trim());

        long frozen = Long.parseLong(Files.readString(daemon.home().resolve("data/qemu/run/c0.pid")).trim());
        assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(frozen)).start().waitFor());
        Process holder = new ProcessBuilder("virsh", "-q", "-c", daemon.uri(), "suspend", "c0").start();
        // the suspend holds c0's job while its monitor is silent; once it does, a second change waits
        // job_wait_timeout (3 s) and fails naming it (before that, a resume of the running c0 just succeeds)
        String err = awaitJobTimeout("resume", "c0");
        assertTrue(err.contains("Timed out during operation: cannot acquire state change lock (held by")
                && err.contains("virDomainSuspend"), err);
        // every other guest, and every read of c0, still answers
        virsh.ok("suspend", "c1");
        virsh.ok("resume", "c1");
        assertTrue(virsh.ok("domstate", "c0").contains("running"));
        assertTrue(virsh.ok("list").contains("c7"));
        virsh.ok("destroy", "c0");
        assertTrue(holder.waitFor(30, TimeUnit.SECONDS), "the stuck suspend ended when its guest was destroyed");
        for (String n : names.subList(1, 8)) {
            virsh.ok("destroy", n);
        }
    }

    /** Repeats a command until it fails (a job held elsewhere timed it out), within 30 s; returns its stderr. */
    private String awaitJobTimeout(String... command) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        VirshQemu.Result r;
        while ((r = virsh.run(command)).exitCode() == 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError("virsh " + String.join(" ", command) + " never waited for a held job");
            }
        }
        return r.err();
    }

    /** Asserts a row of {@code virsh list}: id, name, state. */
    private static void assertListed(String list, int id, String name, String state) {
        assertTrue(list.lines().anyMatch(l -> l.trim().matches(id + "\\s+" + java.util.regex.Pattern.quote(name)
                + "\\s+" + state)), "no row '" + id + " " + name + " " + state + "' in:\n" + list);
    }

    @Test
    void qemuMonitorCommandPassesQmpThrough() throws Exception {
        virsh.ok("create", guestXml("mon1", "").toString());
        VirshQemu.Result first = virsh.run("qemu-monitor-command", "mon1", "{\"execute\":\"query-status\"}");
        if (first.err().contains("Cannot find program 536903815")) { // 0x20008087: RpcServer without QemuDispatcher
            virsh.ok("destroy", "mon1");
            assumeTrue(false, "the RPC server does not serve the QEMU program yet");
        }
        String reply = virsh.ok("qemu-monitor-command", "mon1", "{\"execute\":\"query-status\"}");
        assertTrue(virsh.ok("qemu-monitor-command", "--hmp", "mon1", "info status").contains("VM status: running"));
        assertTrue(reply.contains("\"status\":\"running\""), reply);
        virsh.ok("qemu-monitor-command", "mon1", "{\"execute\":\"stop\"}");
        assertEquals("paused (unknown)", awaitState("mon1", "paused"));
        virsh.ok("destroy", "mon1");
    }

    /** Waits until {@code domstate --reason} starts with {@code prefix} (an event handled off the call). */
    private String awaitState(String name, String prefix) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String s;
        while (!(s = virsh.ok("domstate", "--reason", name).trim()).startsWith(prefix)) {
            if (System.nanoTime() > end) {
                throw new AssertionError(name + " is still " + s);
            }
        }
        return s;
    }
}
