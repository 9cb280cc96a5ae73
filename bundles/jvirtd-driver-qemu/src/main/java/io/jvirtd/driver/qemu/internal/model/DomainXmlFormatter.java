package io.jvirtd.driver.qemu.internal.model;

/**
 * Formats a {@link DomainDef} as libvirt's QEMU driver does: the inactive form (no id, no values
 * QEMU chose) for {@code VIR_DOMAIN_XML_INACTIVE} and config files, the live form (with the id, pty
 * paths, the VNC port) for a running guest, and the status document of {@code data/qemu/run/}.
 * Stateless.
 */
public final class DomainXmlFormatter {
    private DomainXmlFormatter() {
    }

    /** The domain XML; {@code id} &lt; 0 gives the inactive form. */
    public static String format(DomainDef def, int id) {
        XmlOut x = new XmlOut();
        write(x, def, id);
        return x.toString();
    }

    /** The status document of a running guest. */
    public static String formatStatus(RunStatus s) {
        XmlOut x = new XmlOut();
        x.start("domstatus", "state", Integer.toString(s.state()), "reason", Integer.toString(s.reason()), "pid",
                Long.toString(s.pid()), "id", Integer.toString(s.id()), "monitor", s.monitor(), "persistent",
                s.persistent() ? "yes" : "no");
        write(x, s.live(), s.id());
        x.end("domstatus");
        return x.toString();
    }

    private static void write(XmlOut x, DomainDef d, int id) {
        boolean live = id >= 0;
        x.start("domain", "type", d.type(), "id", live ? Integer.toString(id) : null);
        x.text("name", d.name());
        x.text("uuid", d.uuid().toString());
        x.text("title", d.title());
        x.text("description", d.description());
        x.text("memory", Long.toString(d.memoryKiB()), "unit", "KiB");
        x.text("currentMemory", Long.toString(d.currentMemoryKiB()), "unit", "KiB");
        x.text("vcpu", Integer.toString(d.vcpus()), "placement", "static", "current",
                d.currentVcpus() != d.vcpus() ? Integer.toString(d.currentVcpus()) : null);
        OsDef os = d.os();
        x.start("os");
        x.text("type", "hvm", "arch", os.arch(), "machine", os.machine());
        x.text("kernel", os.kernel());
        x.text("initrd", os.initrd());
        x.text("cmdline", os.cmdline());
        for (String b : os.bootDevices()) {
            x.empty("boot", "dev", b);
        }
        x.end("os");
        if (d.acpi() || d.apic()) {
            x.start("features");
            if (d.acpi()) {
                x.empty("acpi");
            }
            if (d.apic()) {
                x.empty("apic");
            }
            x.end("features");
        }
        if (d.cpu() != null) {
            if (d.cpu().model() == null) {
                x.empty("cpu", "mode", d.cpu().mode());
            } else {
                x.start("cpu", "mode", d.cpu().mode());
                x.text("model", d.cpu().model());
                x.end("cpu");
            }
        }
        if (d.clockOffset() != null) {
            x.empty("clock", "offset", d.clockOffset());
        }
        x.text("on_poweroff", d.actions().onPoweroff());
        x.text("on_reboot", d.actions().onReboot());
        x.text("on_crash", d.actions().onCrash());
        x.start("devices");
        x.text("emulator", d.emulator());
        for (DiskDef disk : d.disks()) {
            x.start("disk", "type", "file", "device", disk.device());
            x.empty("driver", "name", "qemu", "type", disk.format());
            if (disk.source() != null) {
                x.empty("source", "file", disk.source());
            }
            x.empty("target", "dev", disk.targetDev(), "bus", disk.bus());
            if (disk.readOnly()) {
                x.empty("readonly");
            }
            alias(x, live, disk.alias());
            x.end("disk");
        }
        for (ControllerDef c : d.controllers()) {
            x.empty("controller", "type", c.type(), "index", Integer.toString(c.index()), "model", c.model());
        }
        for (int i = 0; i < d.interfaces().size(); i++) {
            InterfaceDef n = d.interfaces().get(i);
            x.start("interface", "type", n.type());
            x.empty("mac", "address", n.mac());
            if (n.type().equals("bridge")) {
                x.empty("source", "bridge", n.source());
            } else if (n.type().equals("network")) {
                x.empty("source", "network", n.source());
            }
            if (n.model() != null) {
                x.empty("model", "type", n.model());
            }
            alias(x, live, "net" + i);
            x.end("interface");
        }
        for (int i = 0; i < d.serials().size(); i++) {
            writeSerial(x, "serial", d.serials().get(i), i, live);
        }
        if (!d.serials().isEmpty()) {
            writeSerial(x, "console", d.serials().get(0), 0, live);
        }
        for (int i = 0; i < d.inputs().size(); i++) {
            InputDef in = d.inputs().get(i);
            if (live) {
                x.start("input", "type", in.type(), "bus", in.bus());
                alias(x, true, "input" + i);
                x.end("input");
            } else {
                x.empty("input", "type", in.type(), "bus", in.bus());
            }
        }
        GraphicsDef g = d.graphics();
        if (g != null) {
            String port = live || !g.autoport() ? Integer.toString(g.port()) : "-1";
            x.start("graphics", "type", "vnc", "port", port, "autoport", g.autoport() ? "yes" : "no", "listen",
                    g.listen());
            x.empty("listen", "type", "address", "address", g.listen());
            x.end("graphics");
        }
        if (d.video() != null) {
            x.start("video");
            x.empty("model", "type", d.video(), "vram", d.video().equals("virtio") ? null : "16384", "heads", "1",
                    "primary", "yes");
            alias(x, live, "video0");
            x.end("video");
        }
        if (live && d.memballoon().equals("virtio")) {
            x.start("memballoon", "model", d.memballoon());
            alias(x, true, "balloon0");
            x.end("memballoon");
        } else {
            x.empty("memballoon", "model", d.memballoon());
        }
        x.end("devices");
        x.end("domain");
    }

    private static void writeSerial(XmlOut x, String element, SerialDef s, int port, boolean live) {
        boolean pty = s.type().equals("pty");
        String path = pty && !live ? null : s.path();
        x.start(element, "type", s.type(), "tty", element.equals("console") && pty ? path : null);
        if (path != null) {
            x.empty("source", "path", path);
        }
        if (element.equals("serial")) {
            x.start("target", "type", "isa-serial", "port", Integer.toString(port));
            x.empty("model", "name", "isa-serial");
            x.end("target");
        } else {
            x.empty("target", "type", "serial", "port", Integer.toString(port));
        }
        alias(x, live, "serial" + port); // a console that is serial port N shares its alias
        x.end(element);
    }

    /** {@code <alias name='...'/>}: the QEMU device id libvirt shows in the live XML only. */
    private static void alias(XmlOut x, boolean live, String name) {
        if (live) {
            x.empty("alias", "name", name);
        }
    }
}
