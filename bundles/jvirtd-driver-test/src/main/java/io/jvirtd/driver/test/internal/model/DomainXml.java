package io.jvirtd.driver.test.internal.model;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.driver.test.internal.model.DomainDefinition.Disk;
import io.jvirtd.driver.test.internal.model.DomainDefinition.NetInterface;
import io.jvirtd.driver.test.internal.model.DomainDefinition.TestNamespace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Domain XML ({@code <domain>}) to {@link DomainDefinition} and back, with the post-parse
 * defaults libvirt 9.0's test driver applies on define: a random uuid, currentMemory = memory
 * (and capped by it), one vcpu, arch i686, boot from hd for hvm, {@code <clock offset='utc'/>},
 * on_poweroff/on_crash destroy and on_reboot restart, a 52:54:00 MAC per NIC, testN interface
 * names, bus from the target name, drive addresses and controllers for ide/sata/scsi/fdc disks.
 */
public final class DomainXml {
    /** virDomainXMLFlags: include security-sensitive data (no such data in this model). */
    public static final int SECURE = 1;
    /** virDomainXMLFlags: the persistent configuration, no runtime id. */
    public static final int INACTIVE = 2;

    private static final String TEST_NS_PREFIX = "test:";
    private static final Set<String> DOMAIN_TYPES = Set.of("none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml",
            "openvz", "test", "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz", "ch");
    private static final Set<String> OS_TYPES = Set.of("hvm", "xen", "linux", "exe", "uml", "xenpvh");
    private static final Set<String> LIFECYCLE_ACTIONS = Set.of("destroy", "restart", "rename-restart", "preserve",
            "coredump-destroy", "coredump-restart");
    /** The order libvirt formats device kinds in. */
    private static final List<String> DEVICE_ORDER = List.of("disk", "controller", "lease", "filesystem",
            "interface", "smartcard", "serial", "parallel", "channel", "console", "input", "tpm", "graphics",
            "sound", "audio", "video", "hostdev", "redirdev", "redirfilter", "hub", "watchdog", "memballoon", "rng",
            "panic", "shmem", "memory", "iommu", "vsock");
    private static final Set<String> HANDLED_TOP = Set.of("name", "uuid", "title", "description", "memory",
            "currentMemory", "vcpu", "os", "features", "clock", "on_poweroff", "on_reboot", "on_crash", "devices");

    private DomainXml() {
    }

    /** Parses and fills defaults; errors are those the real daemon reports for the same input. */
    public static DomainDefinition parse(String xml) {
        return fromElement(XmlParser.parse(xml, "(domain_definition)", VirErrorDomain.DOMAIN, "domain"));
    }

    /** As {@link #parse} for an element already read (a test:///PATH file's child). */
    public static DomainDefinition fromElement(XmlElement root) {
        if (!"domain".equals(root.name())) {
            throw VirException.of(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                    "expecting root element of 'domain', not '%s'", root.name());
        }
        String type = root.attr("type");
        if (type == null) {
            throw err(VirErrorCode.INTERNAL_ERROR, "missing domain type attribute");
        }
        if (!DOMAIN_TYPES.contains(type)) {
            throw err(VirErrorCode.CONFIG_UNSUPPORTED, "invalid domain type " + type);
        }
        String name = root.childText("name");
        if (name == null || name.isEmpty()) {
            throw new VirException(VirErrorCode.NO_NAME, VirErrorDomain.DOMAIN, null);
        }
        if (name.contains("/")) {
            throw err(VirErrorCode.XML_ERROR, "name " + name + " cannot contain '/'");
        }
        UUID uuid;
        String uuidText = root.childText("uuid");
        if (uuidText == null) {
            uuid = Uuids.generate();
        } else if ((uuid = Uuids.parseOrNull(uuidText)) == null) {
            throw err(VirErrorCode.INTERNAL_ERROR, "malformed uuid element");
        }
        String title = root.child("title").map(XmlElement::textContent).orElse(null);
        if (title != null && title.contains("\n")) {
            throw err(VirErrorCode.XML_ERROR, "Domain title can't contain newlines");
        }
        String description = root.child("description").map(XmlElement::textContent).orElse(null);

        long memory = root.child("memory").map(e -> ScaledIntegers.parseKiB(e, "./memory[1]")).orElse(0L);
        long current = root.child("currentMemory").map(e -> ScaledIntegers.parseKiB(e, "./currentMemory[1]"))
                .orElse(0L);
        XmlElement os = root.child("os").orElse(null);
        XmlElement osTypeEl = os == null ? null : os.child("type").orElse(null);
        String osType = osTypeEl == null ? null : osTypeEl.textContent().strip();
        if (osType == null || osType.isEmpty()) {
            throw err(VirErrorCode.XML_ERROR, "an os <type> must be specified");
        }
        if (!OS_TYPES.contains(osType)) {
            throw err(VirErrorCode.CONFIG_UNSUPPORTED, "unknown OS type '" + osType + "'");
        }
        if (memory == 0) {
            throw err(VirErrorCode.XML_ERROR, "Memory size must be specified via <memory> or in the <numa> configuration");
        }
        if (current == 0 || current > memory) {
            current = memory;
        }

        int vcpus = 1;
        int currentVcpus;
        XmlElement vcpu = root.child("vcpu").orElse(null);
        if (vcpu != null) {
            vcpus = parseInt(vcpu.textContent(), "./vcpu[1]");
        }
        currentVcpus = vcpus;
        if (vcpu != null && vcpu.attr("current") != null) {
            currentVcpus = parseInt(vcpu.attr("current"), "./vcpu[1]/@current");
        }
        if (vcpus == 0) {
            throw err(VirErrorCode.INTERNAL_ERROR, "CPU IDs in <numa> exceed the <vcpu> count");
        }
        if (currentVcpus > vcpus) {
            throw err(VirErrorCode.INTERNAL_ERROR,
                    "maxvcpus must not be less than current vcpus (" + vcpus + " < " + currentVcpus + ")");
        }
        if (currentVcpus == 0) {
            currentVcpus = vcpus;
        }

        String arch = osTypeEl.attr("arch") != null ? osTypeEl.attr("arch") : "i686";
        String machine = osTypeEl.attr("machine");
        List<String> boot = new ArrayList<>();
        for (XmlElement b : os.children("boot")) {
            if (b.attr("dev") != null) {
                boot.add(b.attr("dev"));
            }
        }
        if (boot.isEmpty() && osType.equals("hvm")) {
            boot.add("hd");
        }

        String onPoweroff = lifecycle(root, "on_poweroff", "destroy");
        String onReboot = lifecycle(root, "on_reboot", "restart");
        String onCrash = lifecycle(root, "on_crash", "destroy");
        XmlElement clock = root.child("clock").orElse(XmlElement.of("clock").withAttribute("offset", "utc"));

        List<XmlElement> extras = new ArrayList<>();
        int runState = 1;
        boolean transientDomain = false;
        boolean managedSave = false;
        for (XmlElement c : root.children()) {
            if (c.name().startsWith(TEST_NS_PREFIX)) {
                switch (c.name().substring(TEST_NS_PREFIX.length())) {
                    case "runstate" -> runState = runState(c.textContent());
                    case "transient" -> transientDomain = true;
                    case "hasmanagedsave" -> managedSave = true;
                    default -> {
                        // domainsnapshot and others: snapshots are not modelled
                    }
                }
            } else if (!HANDLED_TOP.contains(c.name())) {
                extras.add(c);
            }
        }
        if (transientDomain && runState == 5) {
            throw err(VirErrorCode.XML_ERROR, "transient domain cannot have runstate 'shutoff'", VirErrorDomain.TEST);
        }
        if (managedSave && runState != 5) {
            throw err(VirErrorCode.XML_ERROR, "domain with managedsave data can only have runstate 'shutoff'",
                    VirErrorDomain.TEST);
        }

        XmlElement devices = root.child("devices").orElse(XmlElement.of("devices"));
        String emulator = devices.childText("emulator");
        List<Disk> disks = new ArrayList<>();
        List<XmlElement> controllers = new ArrayList<>();
        List<NetInterface> nets = new ArrayList<>();
        List<XmlElement> others = new ArrayList<>();
        for (XmlElement d : devices.children()) {
            switch (d.name()) {
                case "emulator" -> {
                    // read above
                }
                case "disk" -> disks.add(parseDisk(d));
                case "controller" -> controllers.add(normaliseAddress(d));
                case "interface" -> nets.add(parseInterface(d));
                default -> others.add(normaliseAddress(d));
            }
        }
        addImpliedControllers(disks, controllers);
        others.sort(Comparator.comparingInt(e -> {
            int i = DEVICE_ORDER.indexOf(e.name());
            return i < 0 ? DEVICE_ORDER.size() : i;
        }));

        return new DomainDefinition(type, name, uuid, title, description, memory, current, vcpus, currentVcpus,
                osType, arch, machine, boot, root.child("features").orElse(null), clock, extras,
                onPoweroff, onReboot, onCrash, emulator, disks, controllers, nets, others,
                new TestNamespace(runState, transientDomain, managedSave)).withGeneratedIfnames();
    }

    /**
     * Formats as virDomainGetXMLDesc: {@code id} appears when the domain runs ({@code id >= 0})
     * unless {@link #INACTIVE} is in {@code flags}.
     */
    public static String format(DomainDefinition def, int id, int flags) {
        XmlWriter w = new XmlWriter();
        boolean showId = id >= 0 && (flags & INACTIVE) == 0;
        w.open("domain", "type", def.type(), "id", showId ? Integer.toString(id) : null);
        w.text("name", def.name());
        w.text("uuid", Uuids.format(def.uuid()));
        w.text("title", def.title());
        w.text("description", def.description());
        w.text("memory", Long.toString(def.memoryKiB()), "unit", "KiB");
        w.text("currentMemory", Long.toString(def.currentMemoryKiB()), "unit", "KiB");
        w.text("vcpu", Integer.toString(def.vcpus()), "placement", "static",
                "current", def.currentVcpus() != def.vcpus() ? Integer.toString(def.currentVcpus()) : null);
        w.open("os");
        w.text("type", def.osType(), "arch", def.arch(), "machine", def.machine());
        def.bootDevices().forEach(b -> w.empty("boot", "dev", b));
        w.close("os");
        if (def.features() != null) {
            w.element(def.features());
        }
        w.element(def.clock());
        w.text("on_poweroff", def.onPoweroff());
        w.text("on_reboot", def.onReboot());
        w.text("on_crash", def.onCrash());
        def.extras().forEach(w::element);
        w.open("devices");
        w.text("emulator", def.emulator());
        def.disks().forEach(d -> formatDisk(w, d));
        def.controllers().forEach(w::element);
        def.interfaces().forEach(n -> formatInterface(w, n));
        def.otherDevices().forEach(w::element);
        w.close("devices");
        w.close("domain");
        return w.toString();
    }

    private static Disk parseDisk(XmlElement d) {
        String type = d.attr("type") != null ? d.attr("type") : "file";
        String device = d.attr("device") != null ? d.attr("device") : "disk";
        XmlElement target = d.child("target").orElse(null);
        String dev = target == null ? null : target.attr("dev");
        if (dev == null) {
            throw err(VirErrorCode.NO_TARGET, dev);
        }
        String bus = target.attr("bus") != null ? target.attr("bus") : busFor(dev);
        List<XmlElement> extras = new ArrayList<>();
        for (XmlElement c : d.children()) {
            if (!Set.of("driver", "source", "target", "readonly", "shareable", "address").contains(c.name())) {
                extras.add(c);
            }
        }
        XmlElement address = d.child("address").map(DomainXml::normalisePci).orElse(null);
        if (address == null && bus != null) {
            address = driveAddress(bus, dev);
        }
        return new Disk(type, device, d.child("driver").orElse(null), d.child("source").orElse(null), dev, bus,
                d.child("readonly").isPresent(), d.child("shareable").isPresent(), extras, address);
    }

    private static String busFor(String dev) {
        if (dev.startsWith("hd")) {
            return "ide";
        } else if (dev.startsWith("sd")) {
            return "scsi";
        } else if (dev.startsWith("vd")) {
            return "virtio";
        } else if (dev.startsWith("xvd")) {
            return "xen";
        } else if (dev.startsWith("fd")) {
            return "fdc";
        } else if (dev.startsWith("ubd")) {
            return "uml";
        }
        return "ide";
    }

    /** The {@code type='drive'} address libvirt assigns from the target name's index. */
    private static XmlElement driveAddress(String bus, String dev) {
        int unitsPerBus;
        int busesPerController;
        switch (bus) {
            case "ide" -> {
                unitsPerBus = 2;
                busesPerController = 2;
            }
            case "fdc" -> {
                unitsPerBus = 2;
                busesPerController = 1;
            }
            case "sata" -> {
                unitsPerBus = 6;
                busesPerController = 1;
            }
            case "scsi" -> {
                unitsPerBus = 7;
                busesPerController = 1;
            }
            default -> {
                return null;
            }
        }
        int idx = diskIndex(dev);
        if (idx < 0) {
            return null;
        }
        int perController = unitsPerBus * busesPerController;
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("type", "drive");
        attrs.put("controller", Integer.toString(idx / perController));
        attrs.put("bus", Integer.toString(busesPerController == 1 ? 0 : (idx % perController) / unitsPerBus));
        attrs.put("target", "0");
        attrs.put("unit", Integer.toString(idx % unitsPerBus));
        return new XmlElement("address", attrs, null, List.of());
    }

    /** hda → 0, hdz → 25, hdaa → 26, as libvirt numbers disks; -1 when the name has no index. */
    private static int diskIndex(String dev) {
        int start = -1;
        for (String prefix : List.of("xvd", "ubd", "fd", "hd", "vd", "sd")) {
            if (dev.startsWith(prefix)) {
                start = prefix.length();
                break;
            }
        }
        if (start < 0 || start == dev.length()) {
            return -1;
        }
        int idx = 0;
        for (int k = start; k < dev.length(); k++) {
            char c = dev.charAt(k);
            if (c < 'a' || c > 'z') {
                break;
            }
            idx = idx * 26 + (c - 'a') + 1;
        }
        return idx - 1;
    }

    private static void addImpliedControllers(List<Disk> disks, List<XmlElement> controllers) {
        Map<String, TreeSet<Integer>> needed = new LinkedHashMap<>();
        for (Disk d : disks) {
            if (d.address() != null && "drive".equals(d.address().attr("type"))) {
                needed.computeIfAbsent(d.targetBus(), k -> new TreeSet<>())
                        .add(Integer.parseInt(d.address().attr("controller")));
            }
        }
        needed.forEach((bus, indexes) -> {
            for (int index : indexes) {
                boolean present = controllers.stream().anyMatch(c -> bus.equals(c.attr("type"))
                        && Integer.toString(index).equals(c.attr("index")));
                if (!present) {
                    controllers.add(XmlElement.of("controller").withAttribute("type", bus)
                            .withAttribute("index", Integer.toString(index)));
                }
            }
        });
    }

    private static NetInterface parseInterface(XmlElement n) {
        String type = n.attr("type") != null ? n.attr("type") : "user";
        String mac = null;
        XmlElement macEl = n.child("mac").orElse(null);
        if (macEl != null && macEl.attr("address") != null) {
            mac = MacAddresses.normalizeOrNull(macEl.attr("address"));
            if (mac == null) {
                throw err(VirErrorCode.INTERNAL_ERROR, "unable to parse mac address '" + macEl.attr("address") + "'");
            }
            if (MacAddresses.isMulticast(mac)) {
                throw err(VirErrorCode.CONFIG_UNSUPPORTED,
                        "expected unicast mac address, found multicast '" + macEl.attr("address") + "'");
            }
        }
        if (mac == null) {
            mac = MacAddresses.generate();
        }
        XmlElement source = n.child("source").map(s -> sourceFor(type, s)).orElse(null);
        if ("network".equals(type) && (source == null || source.attr("network") == null)) {
            throw err(VirErrorCode.INTERNAL_ERROR,
                    "No <source> 'network' attribute specified with <interface type='network'/>");
        }
        if ("bridge".equals(type) && (source == null || source.attr("bridge") == null)) {
            throw err(VirErrorCode.INTERNAL_ERROR,
                    "No <source> 'bridge' attribute specified with <interface type='bridge'/>");
        }
        String targetDev = n.child("target").map(t -> t.attr("dev")).orElse(null);
        String model = n.child("model").map(m -> m.attr("type")).orElse(null);
        List<XmlElement> extras = new ArrayList<>();
        for (XmlElement c : n.children()) {
            if (!Set.of("mac", "source", "target", "model", "address").contains(c.name())) {
                extras.add(c);
            }
        }
        return new NetInterface(type, mac, source, targetDev, model, extras,
                n.child("address").map(DomainXml::normalisePci).orElse(null));
    }

    /** Keeps only the source attributes libvirt keeps for that interface type. */
    private static XmlElement sourceFor(String type, XmlElement s) {
        List<String> keep = switch (type) {
            case "network" -> List.of("network", "portgroup");
            case "bridge" -> List.of("bridge");
            case "direct" -> List.of("dev", "mode");
            case "user", "ethernet" -> List.of();
            default -> null;
        };
        if (keep == null) {
            return s;
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String k : keep) {
            if (s.attr(k) != null) {
                attrs.put(k, s.attr(k));
            }
        }
        return attrs.isEmpty() ? null : new XmlElement("source", attrs, null, List.of());
    }

    private static void formatDisk(XmlWriter w, Disk d) {
        w.open("disk", "type", d.type(), "device", d.device());
        if (d.driver() != null) {
            w.element(d.driver());
        }
        if (d.source() != null) {
            w.element(d.source());
        }
        w.empty("target", "dev", d.targetDev(), "bus", d.targetBus());
        if (d.readOnly()) {
            w.empty("readonly");
        }
        if (d.shareable()) {
            w.empty("shareable");
        }
        d.extras().forEach(w::element);
        if (d.address() != null) {
            w.element(d.address());
        }
        w.close("disk");
    }

    private static void formatInterface(XmlWriter w, NetInterface n) {
        w.open("interface", "type", n.type());
        w.empty("mac", "address", n.mac());
        if (n.source() != null) {
            w.element(n.source());
        }
        if (n.targetDev() != null) {
            w.empty("target", "dev", n.targetDev());
        }
        if (n.model() != null) {
            w.empty("model", "type", n.model());
        }
        n.extras().forEach(w::element);
        if (n.address() != null) {
            w.element(n.address());
        }
        w.close("interface");
    }

    private static XmlElement normaliseAddress(XmlElement device) {
        if (device.child("address").isEmpty()) {
            return device;
        }
        List<XmlElement> children = new ArrayList<>();
        device.children().forEach(c -> children.add(c.name().equals("address") ? normalisePci(c) : c));
        return device.withChildren(children);
    }

    /** PCI addresses as libvirt prints them: domain 0x%04x, bus 0x%02x, slot 0x%02x, function 0x%x. */
    private static XmlElement normalisePci(XmlElement address) {
        if (!"pci".equals(address.attr("type"))) {
            return address;
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("type", "pci");
        attrs.put("domain", String.format(Locale.ROOT, "0x%04x", pciNumber(address.attr("domain"))));
        attrs.put("bus", String.format(Locale.ROOT, "0x%02x", pciNumber(address.attr("bus"))));
        attrs.put("slot", String.format(Locale.ROOT, "0x%02x", pciNumber(address.attr("slot"))));
        attrs.put("function", String.format(Locale.ROOT, "0x%x", pciNumber(address.attr("function"))));
        address.attributes().forEach((k, v) -> attrs.putIfAbsent(k, v));
        return new XmlElement("address", attrs, null, List.of());
    }

    private static int pciNumber(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return text.startsWith("0x") || text.startsWith("0X") ? Integer.parseInt(text.substring(2), 16)
                    : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw err(VirErrorCode.INTERNAL_ERROR, "Cannot parse <address> 'pci' attribute '" + text + "'");
        }
    }

    private static String lifecycle(XmlElement root, String element, String dflt) {
        String value = root.childText(element);
        if (value == null) {
            return dflt;
        }
        if (!LIFECYCLE_ACTIONS.contains(value)) {
            throw err(VirErrorCode.CONFIG_UNSUPPORTED, "unknown " + element + " action: " + value);
        }
        return value;
    }

    private static int runState(String text) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            if (v >= 8) {
                throw err(VirErrorCode.XML_ERROR, "runstate '" + v + "' out of range'", VirErrorDomain.TEST);
            }
            return v;
        } catch (NumberFormatException e) {
            throw err(VirErrorCode.XML_ERROR, "invalid runstate", VirErrorDomain.TEST);
        }
    }

    private static int parseInt(String text, String xpath) {
        try {
            return Integer.parseUnsignedInt(text.strip());
        } catch (NumberFormatException e) {
            throw ScaledIntegers.invalidValue(text.strip(), xpath);
        }
    }

    private static VirException err(VirErrorCode code, String detail) {
        return new VirException(code, VirErrorDomain.DOMAIN, detail);
    }

    private static VirException err(VirErrorCode code, String detail, VirErrorDomain domain) {
        return new VirException(code, domain, detail);
    }
}
