package io.jvirtd.driver.qemu.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jvirtd.api.driver.NodeInfo;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.driver.qemu.internal.model.DiskDef;
import io.jvirtd.driver.qemu.internal.model.DomainDef;
import io.jvirtd.driver.qemu.internal.model.ModelErrors;

/**
 * The host as the QEMU driver sees it: is an emulator there, is KVM usable, the QEMU version, the
 * node's CPUs and memory, the capabilities XML. Reads files and runs {@code qemu --version}; callers
 * hold no lock. Immutable apart from the cached version (benign race).
 */
final class HostCapabilities {
    private static final Pattern VERSION = Pattern.compile("version (\\d+)\\.(\\d+)\\.(\\d+)");
    private final String defaultEmulator; // immutable
    private final Path kvmDevice; // immutable: /dev/kvm
    private volatile long version = -1; // cached; computed at most a few times
    /** Machine names of each emulator, an alias mapped to its machine ({@code pc} → {@code pc-i440fx-7.2}). */
    private final Map<String, Map<String, String>> aliases = new ConcurrentHashMap<>(); // filled once per emulator

    HostCapabilities(String defaultEmulator, Path kvmDevice) {
        this.defaultEmulator = defaultEmulator;
        this.kvmDevice = kvmDevice;
    }

    String emulatorOf(DomainDef def) {
        return def.emulator() != null ? def.emulator() : defaultEmulator;
    }

    /**
     * Refuses a definition this host cannot run: a missing emulator ("Cannot check QEMU binary"), or
     * {@code type='kvm'} without a usable {@code /dev/kvm} (libvirt's "does not support virt type").
     */
    void checkRunnable(DomainDef def) {
        String emulator = emulatorOf(def);
        Path bin = Path.of(emulator);
        if (!Files.isRegularFile(bin) || !Files.isExecutable(bin)) {
            throw new VirException(VirErrorCode.SYSTEM_ERROR, VirErrorDomain.QEMU, "Cannot check QEMU binary "
                    + emulator + ": No such file or directory");
        }
        if (def.type().equals("kvm") && !kvmUsable()) {
            throw ModelErrors.unsupported("Emulator '" + emulator + "' does not support virt type 'kvm'");
        }
    }

    /**
     * The machine type QEMU resolves an alias to ({@code pc} → {@code pc-i440fx-7.2}), as libvirt
     * stores it at define time, so a guest keeps its machine when QEMU is upgraded; a name QEMU does
     * not know is refused.
     */
    String canonicalMachine(String emulator, String machine) {
        Map<String, String> known = aliases.computeIfAbsent(emulator, HostCapabilities::probeMachines);
        if (known.isEmpty()) {
            return machine; // could not ask QEMU; the start will tell
        }
        String canonical = known.get(machine);
        if (canonical == null) {
            throw ModelErrors.unsupported("Emulator '" + emulator + "' does not support machine type '" + machine
                    + "'");
        }
        return canonical;
    }

    private static Map<String, String> probeMachines(String emulator) {
        Map<String, String> out = new HashMap<>();
        try {
            Process p = new ProcessBuilder(emulator, "-machine", "help").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            Pattern alias = Pattern.compile("\\(alias of ([^)]+)\\)");
            for (String line : text.lines().skip(1).toList()) {
                String[] parts = line.trim().split("\\s+", 2);
                if (parts[0].isEmpty()) {
                    continue;
                }
                Matcher m = alias.matcher(line);
                out.put(parts[0], m.find() ? m.group(1) : parts[0]);
            }
        } catch (IOException e) {
            // an emulator that cannot run: checkRunnable reports it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    /** Refuses a start whose disk images are missing. */
    static void checkDisks(DomainDef def) {
        for (DiskDef d : def.disks()) {
            if (d.source() != null && !Files.exists(Path.of(d.source()))) {
                throw new VirException(VirErrorCode.SYSTEM_ERROR, VirErrorDomain.STORAGE, String.format(
                        "Cannot access storage file '%s': No such file or directory", d.source()));
            }
        }
    }

    boolean kvmUsable() {
        return Files.exists(kvmDevice) && Files.isReadable(kvmDevice) && Files.isWritable(kvmDevice);
    }

    /** QEMU's version as major * 1000000 + minor * 1000 + micro. */
    long version() {
        long v = version;
        if (v < 0) {
            v = probeVersion();
            version = v;
        }
        return v;
    }

    private long probeVersion() {
        try {
            Process p = new ProcessBuilder(defaultEmulator, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            Matcher m = VERSION.matcher(out);
            if (m.find()) {
                return Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2)) * 1000
                        + Long.parseLong(m.group(3));
            }
        } catch (IOException e) {
            // reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.QEMU, "Cannot find QEMU binary "
                + defaultEmulator + " version");
    }

    NodeInfo nodeInfo() {
        int cpus = Runtime.getRuntime().availableProcessors();
        String model = "x86_64";
        int mhz = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("cpu MHz") && mhz == 0) {
                    mhz = (int) Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no frequency then
        }
        return new NodeInfo(model, meminfo("MemTotal"), cpus, mhz, 1, 1, cpus, 1);
    }

    long freeMemoryBytes() {
        return meminfo("MemAvailable") * 1024;
    }

    private static long meminfo(String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
            for (String l : lines) {
                if (l.startsWith(key + ":")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // unknown
        }
        return 0;
    }

    String capabilitiesXml() {
        StringBuilder b = new StringBuilder();
        b.append("<capabilities>\n\n  <host>\n    <cpu>\n      <arch>x86_64</arch>\n    </cpu>\n  </host>\n\n");
        b.append("  <guest>\n    <os_type>hvm</os_type>\n    <arch name='x86_64'>\n      <wordsize>64</wordsize>\n");
        b.append("      <emulator>").append(defaultEmulator).append("</emulator>\n");
        b.append("      <machine>pc</machine>\n      <machine>q35</machine>\n      <domain type='qemu'/>\n");
        if (kvmUsable()) {
            b.append("      <domain type='kvm'/>\n");
        }
        b.append("    </arch>\n    <features>\n      <acpi default='on' toggle='yes'/>\n    </features>\n");
        b.append("  </guest>\n\n</capabilities>\n");
        return b.toString();
    }
}
