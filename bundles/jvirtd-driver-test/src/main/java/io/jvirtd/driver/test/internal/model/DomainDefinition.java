package io.jvirtd.driver.test.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A domain's configuration as libvirt keeps it after parsing and post-parse defaults (see
 * {@link DomainXml#parse}). Memory in KiB. Elements the model does not interpret are kept as
 * {@link XmlElement}s and echoed back. Immutable.
 *
 * @param type          the {@code <domain type=>} (test, kvm, ...)
 * @param features      {@code <features>} as given, or null
 * @param clock         {@code <clock>} as given (default {@code offset='utc'})
 * @param extras        other top-level elements, echoed after {@code <on_crash>}
 * @param controllers   {@code <controller>} elements, given or implied by disk buses
 * @param otherDevices  devices the model does not interpret, in libvirt's device order
 * @param test          the test driver's own {@code test:} namespace settings
 */
public record DomainDefinition(
        String type, String name, UUID uuid, String title, String description,
        long memoryKiB, long currentMemoryKiB, int vcpus, int currentVcpus,
        String osType, String arch, String machine, List<String> bootDevices,
        XmlElement features, XmlElement clock, List<XmlElement> extras,
        String onPoweroff, String onReboot, String onCrash,
        String emulator, List<Disk> disks, List<XmlElement> controllers, List<NetInterface> interfaces,
        List<XmlElement> otherDevices, TestNamespace test) {

    public DomainDefinition {
        bootDevices = List.copyOf(bootDevices);
        extras = List.copyOf(extras);
        disks = List.copyOf(disks);
        controllers = List.copyOf(controllers);
        interfaces = List.copyOf(interfaces);
        otherDevices = List.copyOf(otherDevices);
    }

    /**
     * A {@code <disk>}.
     *
     * @param source  the {@code <source>} element as given, or null
     * @param address the {@code <address>} (PCI ones normalised), or null
     * @param extras  other children, echoed before the address
     */
    public record Disk(String type, String device, XmlElement driver, XmlElement source,
                       String targetDev, String targetBus, boolean readOnly, boolean shareable,
                       List<XmlElement> extras, XmlElement address) {
        public Disk {
            extras = List.copyOf(extras);
        }

        /** The file, device or directory the disk refers to, or null. */
        public String sourcePath() {
            if (source == null) {
                return null;
            }
            for (String a : List.of("file", "dev", "dir", "name", "volume")) {
                if (source.attr(a) != null) {
                    return source.attr(a);
                }
            }
            return null;
        }
    }

    /**
     * An {@code <interface>} (a NIC of the domain, not a host interface).
     *
     * @param source    the {@code <source>} attributes that apply to the type (network, bridge, dev...)
     * @param targetDev the host-side device name (the test driver names them testnetN)
     */
    public record NetInterface(String type, String mac, XmlElement source, String targetDev,
                               String model, List<XmlElement> extras, XmlElement address) {
        public NetInterface {
            extras = List.copyOf(extras);
        }

        public String sourceNetwork() {
            return source == null ? null : source.attr("network");
        }

        public String sourceBridge() {
            return source == null ? null : source.attr("bridge");
        }
    }

    /**
     * The test driver's namespace ({@code xmlns:test='http://libvirt.org/schemas/domain/test/1.0'}):
     * the state a domain starts in when loaded from a test:///PATH file. Not formatted back.
     *
     * @param runState       a virDomainState number (default 1, running)
     * @param transientDomain {@code <test:transient/>}: not persistent
     */
    public record TestNamespace(int runState, boolean transientDomain, boolean hasManagedSave) {
        public static final TestNamespace DEFAULT = new TestNamespace(1, false, false);
    }

    public DomainDefinition withMemory(long maxKiB, long currentKiB) {
        return new DomainDefinition(type, name, uuid, title, description, maxKiB, currentKiB, vcpus, currentVcpus,
                osType, arch, machine, bootDevices, features, clock, extras, onPoweroff, onReboot, onCrash,
                emulator, disks, controllers, interfaces, otherDevices, test);
    }

    public DomainDefinition withVcpus(int max, int current) {
        return new DomainDefinition(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, max, current,
                osType, arch, machine, bootDevices, features, clock, extras, onPoweroff, onReboot, onCrash,
                emulator, disks, controllers, interfaces, otherDevices, test);
    }

    public DomainDefinition withTitleAndDescription(String newTitle, String newDescription) {
        return new DomainDefinition(type, name, uuid, newTitle, newDescription, memoryKiB, currentMemoryKiB, vcpus,
                currentVcpus, osType, arch, machine, bootDevices, features, clock, extras, onPoweroff, onReboot,
                onCrash, emulator, disks, controllers, interfaces, otherDevices, test);
    }

    public DomainDefinition withName(String newName) {
        return new DomainDefinition(type, newName, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus,
                currentVcpus, osType, arch, machine, bootDevices, features, clock, extras, onPoweroff, onReboot,
                onCrash, emulator, disks, controllers, interfaces, otherDevices, test);
    }

    public DomainDefinition withInterfaces(List<NetInterface> newInterfaces) {
        return new DomainDefinition(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus,
                currentVcpus, osType, arch, machine, bootDevices, features, clock, extras, onPoweroff, onReboot,
                onCrash, emulator, disks, controllers, newInterfaces, otherDevices, test);
    }

    /**
     * Names every interface without a target device testnetN, N the lowest number not in use,
     * as the test driver does when a domain is defined, created or loaded.
     */
    public DomainDefinition withGeneratedIfnames() {
        List<NetInterface> out = new ArrayList<>(interfaces);
        for (int i = 0; i < out.size(); i++) {
            NetInterface n = out.get(i);
            if (n.targetDev() != null) {
                continue;
            }
            int ctr = 0;
            while (hasIfname(out, "testnet" + ctr)) {
                ctr++;
            }
            out.set(i, new NetInterface(n.type(), n.mac(), n.source(), "testnet" + ctr, n.model(), n.extras(), n.address()));
        }
        return withInterfaces(out);
    }

    private static boolean hasIfname(List<NetInterface> nets, String ifname) {
        return nets.stream().anyMatch(n -> ifname.equals(n.targetDev()));
    }
}
