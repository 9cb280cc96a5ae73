package io.jvirtd.driver.qemu.internal.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

/**
 * Parses libvirt's domain XML into a {@link DomainDef}. Only the supported subset is accepted: an
 * element or attribute the parser does not read is refused with {@code VIR_ERR_CONFIG_UNSUPPORTED}
 * naming it, a value outside the subset likewise, malformed XML with {@code VIR_ERR_XML_ERROR}.
 * Defaults are filled in as libvirt fills them (boot from hd, ps2 mouse and keyboard, a virtio
 * balloon, generated uuid and MACs). Stateless.
 */
public final class DomainXmlParser {
    private static final Set<String> LIBVIRT_TYPES = Set.of("none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml",
            "openvz", "test", "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz");

    private DomainXmlParser() {
    }

    /** Parses a {@code <domain>} document. */
    public static DomainDef parse(String xml) {
        XmlNode root = XmlNode.parse(xml);
        if (!root.name().equals("domain")) {
            throw ModelErrors.xml("unexpected root element <" + root.name() + ">, expecting <domain>");
        }
        DomainDef def = parseDomain(root);
        root.requireAllRead();
        return def;
    }

    /** Parses a status document ({@code <domstatus>} around the live {@code <domain>}). */
    public static RunStatus parseStatus(String xml) {
        XmlNode root = XmlNode.parse(xml);
        if (!root.name().equals("domstatus")) {
            throw ModelErrors.xml("unexpected root element <" + root.name() + ">, expecting <domstatus>");
        }
        int state = intAttr(root, "state");
        int reason = intAttr(root, "reason");
        long pid = Long.parseLong(req(root, "pid"));
        int id = intAttr(root, "id");
        String monitor = req(root, "monitor");
        boolean persistent = root.attr("persistent").map("yes"::equals).orElse(true);
        XmlNode dom = root.child("domain").orElseThrow(() -> ModelErrors.xml("status without <domain>"));
        DomainDef def = parseDomain(dom);
        root.requireAllRead();
        return new RunStatus(def, id, state, reason, pid, monitor, persistent);
    }

    private static int intAttr(XmlNode n, String name) {
        return Integer.parseInt(req(n, name));
    }

    private static String req(XmlNode n, String name) {
        return n.attr(name).orElseThrow(() -> ModelErrors.xml("missing attribute '" + name + "' of <" + n.name()
                + ">"));
    }

    private static DomainDef parseDomain(XmlNode root) {
        String type = root.attr("type").orElseThrow(() -> ModelErrors.missing("missing domain type attribute"));
        if (!LIBVIRT_TYPES.contains(type)) {
            throw ModelErrors.missing("invalid domain type " + type);
        }
        if (!type.equals("kvm") && !type.equals("qemu")) {
            throw ModelErrors.unsupported("Emulator does not support virt type '" + type + "'");
        }
        root.attr("id"); // live only: ignored on input, as libvirt ignores it
        String name = root.childText("name").filter(s -> !s.isEmpty())
                .orElseThrow(() -> new VirException(VirErrorCode.NO_NAME, VirErrorDomain.DOMAIN, null));
        if (name.contains("/")) {
            throw ModelErrors.xml("name " + name + " cannot contain '/'");
        }
        UUID uuid = root.childText("uuid").map(DomainXmlParser::uuid).orElseGet(UUID::randomUUID);
        String title = root.childText("title").orElse(null);
        if (title != null && title.contains("\n")) {
            throw ModelErrors.xml("Domain title can't contain newlines");
        }
        String description = root.childText("description").orElse(null);
        long memory = root.child("memory").map(m -> MemoryUnits.toKiB(m.text(), m.attr("unit").orElse(null),
                "memory")).orElseThrow(() -> ModelErrors.xml("missing element memory"));
        if (memory == 0) {
            throw ModelErrors.xml("Memory size must be specified via <memory> or in the <numa> configuration");
        }
        long current = root.child("currentMemory").map(m -> MemoryUnits.toKiB(m.text(),
                m.attr("unit").orElse(null), "currentMemory")).orElse(memory);
        current = current == 0 || current > memory ? memory : current;
        int vcpus = 1;
        int currentVcpus;
        var vcpu = root.child("vcpu");
        if (vcpu.isPresent()) {
            vcpus = positive(vcpu.get().text(), "vcpu");
            vcpu.get().attr("placement").filter(p -> !p.equals("static")).ifPresent(p -> {
                throw ModelErrors.unsupported("vcpu placement '" + p + "' is not supported by the QEMU driver");
            });
            currentVcpus = vcpu.get().attr("current").map(c -> positive(c, "current")).orElse(vcpus);
            if (currentVcpus > vcpus) {
                throw ModelErrors.missing("maxvcpus must not be less than current vcpus (" + vcpus + " < "
                        + currentVcpus + ")");
            }
        } else {
            currentVcpus = 1;
        }
        OsDef os = parseOs(root.child("os").orElseThrow(() -> new VirException(VirErrorCode.NO_OS,
                VirErrorDomain.DOMAIN, null)));
        boolean acpi = false;
        boolean apic = false;
        var features = root.child("features");
        if (features.isPresent()) {
            acpi = features.get().child("acpi").isPresent();
            apic = features.get().child("apic").isPresent();
        }
        CpuDef cpu = root.child("cpu").map(DomainXmlParser::parseCpu).orElse(null);
        String clock = root.child("clock").map(c -> oneOf(c.attr("offset").orElse("utc"), "clock offset", "utc",
                "localtime")).orElse("utc"); // libvirt's default, which it formats and passes as -rtc base=utc
        LifecycleActions actions = new LifecycleActions(
                action(root, "on_poweroff", LifecycleActions.DEFAULT.onPoweroff(), "destroy", "restart"),
                action(root, "on_reboot", LifecycleActions.DEFAULT.onReboot(), "restart", "destroy"),
                action(root, "on_crash", LifecycleActions.DEFAULT.onCrash(), "destroy", "restart", "preserve"));
        Devices devices = root.child("devices").map(DomainXmlParser::parseDevices).orElseGet(() -> parseDevices(null));
        if (os.bootDevices().isEmpty()) { // libvirt adds it with a direct kernel too (the kernel wins on QEMU's side)
            os = new OsDef(os.arch(), os.machine(), List.of("hd"), os.kernel(), os.initrd(), os.cmdline());
        }
        return new DomainDef(type, name, uuid, title, description, memory, current, vcpus, currentVcpus, os, acpi,
                apic, cpu, clock, actions, devices.emulator, devices.disks, devices.controllers, devices.interfaces,
                devices.serials, devices.inputs, devices.graphics, devices.video, devices.memballoon);
    }

    private static UUID uuid(String text) {
        String hex = text.replace("-", "");
        if (!hex.matches("[0-9a-fA-F]{32}")) {
            throw ModelErrors.missing("malformed uuid element");
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16),
                16));
    }

    private static int positive(String text, String what) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ModelErrors.xml("Invalid value '" + text + "' for " + what);
    }

    private static String oneOf(String value, String what, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw ModelErrors.unsupported(what + " '" + value + "' is not supported by the QEMU driver");
    }

    private static String action(XmlNode root, String element, String dflt, String... allowed) {
        return root.childText(element).map(v -> oneOf(v, element, allowed)).orElse(dflt);
    }

    private static OsDef parseOs(XmlNode os) {
        XmlNode type = os.child("type").orElseThrow(() -> new VirException(VirErrorCode.NO_OS,
                VirErrorDomain.DOMAIN, null));
        oneOf(type.text(), "os type", "hvm");
        String arch = oneOf(type.attr("arch").orElse("x86_64"), "architecture", "x86_64");
        String machine = type.attr("machine").orElse("pc");
        if (!machine.matches("pc|q35|pc-i440fx-[0-9.]+|pc-q35-[0-9.]+")) {
            throw ModelErrors.unsupported("machine type '" + machine + "' is not supported by the QEMU driver");
        }
        List<String> boot = new ArrayList<>();
        for (XmlNode b : os.children("boot")) {
            boot.add(oneOf(b.attr("dev").orElse(""), "boot device", "hd", "cdrom", "network", "fd"));
        }
        return new OsDef(arch, machine, boot, os.childText("kernel").orElse(null), os.childText("initrd")
                .orElse(null), os.childText("cmdline").orElse(null));
    }

    private static CpuDef parseCpu(XmlNode cpu) {
        String mode = oneOf(cpu.attr("mode").orElse("custom"), "cpu mode", "host-passthrough", "host-model",
                "maximum", "custom");
        String model = cpu.childText("model").orElse(null);
        if (mode.equals("custom") && model == null) {
            throw ModelErrors.unsupported("cpu mode 'custom' needs a <model>");
        }
        if (!mode.equals("custom") && model != null) {
            throw ModelErrors.unsupported("a cpu <model> is supported only with mode 'custom'");
        }
        return new CpuDef(mode, model);
    }

    /** What {@code <devices>} holds, while it is being parsed. */
    private static final class Devices {
        String emulator;
        final List<DiskDef> disks = new ArrayList<>();
        final List<ControllerDef> controllers = new ArrayList<>();
        final List<InterfaceDef> interfaces = new ArrayList<>();
        final List<SerialDef> serials = new ArrayList<>();
        final List<InputDef> inputs = new ArrayList<>();
        GraphicsDef graphics;
        String video;
        String memballoon = "virtio";
    }

    private static Devices parseDevices(XmlNode devs) {
        Devices d = new Devices();
        if (devs != null) {
            d.emulator = devs.childText("emulator").orElse(null);
            // the aliases of a live definition (dumpxml of a running guest, the status file) are libvirt's
            // own names, which it ignores on input; so does this parser
            for (String device : List.of("disk", "interface", "serial", "console", "input", "video", "memballoon")) {
                devs.children(device).forEach(n -> n.children("alias").forEach(a -> a.attr("name")));
            }
            Set<String> targets = new HashSet<>();
            for (XmlNode disk : devs.children("disk")) {
                DiskDef def = parseDisk(disk);
                if (!targets.add(def.targetDev())) {
                    throw ModelErrors.xml("target '" + def.targetDev() + "' duplicated for disk sources");
                }
                d.disks.add(def);
            }
            for (XmlNode c : devs.children("controller")) {
                String type = oneOf(c.attr("type").orElse(""), "controller type", "usb", "pci", "ide", "sata");
                String model = c.attr("model").orElse(null);
                if (model != null) {
                    switch (type) {
                        case "usb" -> oneOf(model, "usb controller model", "piix3-uhci", "qemu-xhci", "none");
                        case "pci" -> oneOf(model, "pci controller model", "pci-root", "pcie-root");
                        default -> oneOf(model, type + " controller model", "piix3");
                    }
                }
                d.controllers.add(new ControllerDef(type, Integer.parseInt(c.attr("index").orElse("0")), model));
            }
            for (XmlNode n : devs.children("interface")) {
                d.interfaces.add(parseInterface(n));
            }
            for (XmlNode s : devs.children("serial")) {
                d.serials.add(parseSerial(s, "serial"));
            }
            for (XmlNode c : devs.children("console")) {
                SerialDef console = parseSerial(c, "console");
                if (d.serials.isEmpty()) {
                    d.serials.add(console); // libvirt makes a lone serial console the first serial port
                }
            }
            for (XmlNode i : devs.children("input")) {
                InputDef in = new InputDef(oneOf(i.attr("type").orElse(""), "input type", "mouse", "keyboard",
                        "tablet"), oneOf(i.attr("bus").orElse("ps2"), "input bus", "ps2", "usb"));
                if (!d.inputs.contains(in)) {
                    d.inputs.add(in);
                }
            }
            List<XmlNode> graphics = devs.children("graphics");
            if (graphics.size() > 1) {
                throw ModelErrors.unsupported("only one <graphics> device is supported by the QEMU driver");
            }
            if (!graphics.isEmpty()) {
                d.graphics = parseGraphics(graphics.get(0));
            }
            List<XmlNode> videos = devs.children("video");
            if (videos.size() > 1) {
                throw ModelErrors.unsupported("only one <video> device is supported by the QEMU driver");
            }
            if (!videos.isEmpty()) {
                XmlNode model = videos.get(0).child("model").orElseThrow(() -> ModelErrors.xml("video without model"));
                String m = oneOf(model.attr("type").orElse(""), "video model", "vga", "cirrus", "virtio", "none");
                model.attr("vram");
                model.attr("heads");
                model.attr("primary");
                d.video = m.equals("none") ? null : m;
            }
            devs.child("memballoon").ifPresent(b -> d.memballoon = oneOf(b.attr("model").orElse(""),
                    "memballoon model", "virtio", "none"));
        }
        addImplicitInput(d.inputs, new InputDef("mouse", "ps2"));
        addImplicitInput(d.inputs, new InputDef("keyboard", "ps2"));
        if (d.video == null && d.graphics != null) {
            d.video = "vga";
        }
        return d;
    }

    private static void addImplicitInput(List<InputDef> inputs, InputDef in) {
        if (!inputs.contains(in)) {
            inputs.add(in);
        }
    }

    private static DiskDef parseDisk(XmlNode disk) {
        oneOf(disk.attr("type").orElse("file"), "disk type", "file");
        String device = oneOf(disk.attr("device").orElse("disk"), "disk device", "disk", "cdrom");
        String format = "raw";
        var driver = disk.child("driver");
        if (driver.isPresent()) {
            oneOf(driver.get().attr("name").orElse("qemu"), "disk driver name", "qemu");
            format = oneOf(driver.get().attr("type").orElse("raw"), "disk format", "raw", "qcow2");
        }
        String source = disk.child("source").flatMap(s -> s.attr("file")).orElse(null);
        if (source == null && device.equals("disk")) {
            throw new VirException(VirErrorCode.NO_SOURCE, VirErrorDomain.DOMAIN, disk.child("target")
                    .flatMap(t -> t.attr("dev")).orElse("disk"));
        }
        XmlNode target = disk.child("target").orElseThrow(() -> new VirException(VirErrorCode.NO_TARGET,
                VirErrorDomain.DOMAIN, source == null ? "disk" : source));
        String dev = target.attr("dev").orElseThrow(() -> new VirException(VirErrorCode.NO_TARGET,
                VirErrorDomain.DOMAIN, source == null ? "disk" : source));
        if (!dev.matches("(vd|sd|hd)[a-z]")) {
            throw ModelErrors.unsupported("disk target '" + dev + "' is not supported by the QEMU driver");
        }
        String dflt = switch (dev.substring(0, 2)) {
            case "vd" -> "virtio";
            case "sd" -> "sata";
            default -> "ide";
        };
        String bus = oneOf(target.attr("bus").orElse(dflt), "disk bus", "virtio", "sata", "ide");
        if (bus.equals("virtio") && device.equals("cdrom")) {
            throw ModelErrors.unsupported("disk type of '" + dev + "' does not support ejectable media");
        }
        if (bus.equals("ide") && dev.charAt(2) - 'a' > 3) {
            throw ModelErrors.unsupported("ide disk '" + dev + "': the IDE bus has 4 units (hda-hdd)");
        }
        boolean readOnly = disk.child("readonly").isPresent() || device.equals("cdrom");
        return new DiskDef(device, format, source, dev, bus, readOnly);
    }

    private static InterfaceDef parseInterface(XmlNode n) {
        String type = oneOf(n.attr("type").orElse(""), "interface type", "user", "bridge", "network");
        String source = null;
        if (!type.equals("user")) {
            String attr = type.equals("bridge") ? "bridge" : "network";
            source = n.child("source").flatMap(s -> s.attr(attr)).orElseThrow(() -> ModelErrors.xml(
                    "No <source> '" + attr + "' attribute specified with <interface type='" + type + "'/>"));
        }
        String mac = n.child("mac").map(m -> Macs.parse(m.attr("address").orElse(""))).orElseGet(Macs::generate);
        String model = n.child("model").map(m -> oneOf(m.attr("type").orElse(""), "interface model", "virtio",
                "e1000", "rtl8139")).orElse(null);
        return new InterfaceDef(type, source, mac, model);
    }

    private static SerialDef parseSerial(XmlNode s, String what) {
        String type = oneOf(s.attr("type").orElse("pty"), what + " type", "pty", "file", "null");
        s.attr("tty"); // live duplicate of the pty path, as libvirt formats consoles
        String path = s.child("source").flatMap(src -> src.attr("path")).orElse(null);
        if (type.equals("file") && path == null) {
            throw ModelErrors.xml("Missing source path attribute for char device");
        }
        s.child("target").ifPresent(t -> {
            String dflt = what.equals("console") ? "serial" : "isa-serial";
            oneOf(t.attr("type").orElse(dflt), what + " target type", dflt);
            oneOf(t.attr("port").orElse("0"), what + " target port", "0", "1", "2", "3");
            t.child("model").ifPresent(m -> oneOf(m.attr("name").orElse(""), what + " model", "isa-serial"));
        });
        return new SerialDef(type, path);
    }

    private static GraphicsDef parseGraphics(XmlNode g) {
        oneOf(g.attr("type").orElse(""), "graphics type", "vnc");
        int port = Integer.parseInt(g.attr("port").orElse("-1"));
        boolean autoport = g.attr("autoport").map("yes"::equals).orElse(port == -1);
        Supplier<String> dflt = () -> "127.0.0.1";
        String listen = g.attr("listen").orElse(null);
        for (XmlNode l : g.children("listen")) {
            oneOf(l.attr("type").orElse("address"), "graphics listen type", "address");
            String a = l.attr("address").orElse(null);
            if (listen == null) {
                listen = a;
            }
        }
        if (port != -1 && (port < 5900 || port > 65535)) {
            throw ModelErrors.xml("vnc port must be in range [5900,65535]");
        }
        return new GraphicsDef(port, autoport, listen == null ? dflt.get() : listen);
    }
}
