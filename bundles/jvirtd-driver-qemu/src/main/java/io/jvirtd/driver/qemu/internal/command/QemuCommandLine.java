package io.jvirtd.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;

import io.jvirtd.driver.qemu.internal.model.ControllerDef;
import io.jvirtd.driver.qemu.internal.model.DiskDef;
import io.jvirtd.driver.qemu.internal.model.DomainDef;
import io.jvirtd.driver.qemu.internal.model.GraphicsDef;
import io.jvirtd.driver.qemu.internal.model.InputDef;
import io.jvirtd.driver.qemu.internal.model.InterfaceDef;
import io.jvirtd.driver.qemu.internal.model.ModelErrors;
import io.jvirtd.driver.qemu.internal.model.SerialDef;

/**
 * Builds the {@code qemu-system-x86_64} argument list of a definition. Pure: the same definition and
 * paths give the same list. The guest starts paused ({@code -S}), with QMP on a unix socket
 * (server, no wait), {@code -no-shutdown} (so a guest power-off leaves QEMU for the driver to end,
 * which is how a reboot by ACPI is done), and daemonizes once that socket exists, writing its pid:
 * the guest is not a child of the daemon and outlives it.
 */
public final class QemuCommandLine {
    private QemuCommandLine() {
    }

    /**
     * @param def the definition to start (the live one: VNC port chosen)
     * @param emulator the QEMU binary (the definition's, or the driver's default)
     * @param paths where the monitor socket and pid file go
     */
    public static List<String> build(DomainDef def, String emulator, LaunchPaths paths) {
        List<String> a = new ArrayList<>();
        a.add(emulator);
        add(a, "-name", "guest=" + opt(def.name()) + ",debug-threads=on");
        a.add("-S");
        boolean q35 = def.os().machine().startsWith("pc-q35") || def.os().machine().equals("q35");
        boolean usb = usbController(def) != null;
        add(a, "-machine", def.os().machine() + ",accel=" + (def.type().equals("kvm") ? "kvm" : "tcg") + ",usb=off"
                + ",acpi=" + (def.acpi() ? "on" : "off"));
        if (def.cpu() != null) {
            add(a, "-cpu", switch (def.cpu().mode()) {
                case "host-passthrough" -> "host";
                case "host-model" -> def.type().equals("kvm") ? "host" : "max";
                case "maximum" -> "max";
                default -> def.cpu().model();
            });
        }
        add(a, "-m", "size=" + def.memoryKiB() + "k");
        add(a, "-smp", def.currentVcpus() + ",maxcpus=" + def.vcpus() + ",sockets=" + def.vcpus()
                + ",cores=1,threads=1");
        add(a, "-uuid", def.uuid().toString());
        a.add("-no-user-config");
        a.add("-nodefaults");
        add(a, "-chardev", "socket,id=charmonitor,path=" + opt(paths.monitor()) + ",server=on,wait=off");
        add(a, "-mon", "chardev=charmonitor,id=monitor,mode=control");
        if (def.clockOffset() != null) {
            add(a, "-rtc", "base=" + def.clockOffset());
        }
        a.add("-no-shutdown");
        if (def.actions().onReboot().equals("destroy")) {
            a.add("-no-reboot");
        }
        if (def.os().kernel() != null) {
            add(a, "-kernel", def.os().kernel());
            if (def.os().initrd() != null) {
                add(a, "-initrd", def.os().initrd());
            }
            if (def.os().cmdline() != null) {
                add(a, "-append", def.os().cmdline());
            }
        } else if (!def.os().bootDevices().isEmpty()) {
            StringBuilder order = new StringBuilder();
            for (String dev : def.os().bootDevices()) {
                order.append(switch (dev) {
                    case "hd" -> 'c';
                    case "cdrom" -> 'd';
                    case "network" -> 'n';
                    default -> 'a';
                });
            }
            add(a, "-boot", "order=" + order + ",strict=on");
        }
        if (usb) {
            String model = usbController(def);
            add(a, "-device", (model.equals("qemu-xhci") ? "qemu-xhci" : "piix3-usb-uhci") + ",id=usb");
        }
        boolean sata = def.disks().stream().anyMatch(d -> d.bus().equals("sata"))
                || def.controllers().stream().anyMatch(c -> c.type().equals("sata"));
        if (sata && !q35) {
            add(a, "-device", "ahci,id=sata0");
        }
        for (DiskDef d : def.disks()) {
            String drive = "drive-" + d.targetDev();
            StringBuilder spec = new StringBuilder();
            if (d.source() != null) {
                spec.append("file=").append(opt(d.source())).append(",format=").append(d.format()).append(',');
            }
            spec.append("if=none,id=").append(drive);
            if (d.readOnly()) {
                spec.append(",readonly=on");
            }
            add(a, "-drive", spec.toString());
            String kind = d.device().equals("cdrom") ? "ide-cd" : "ide-hd";
            switch (d.bus()) {
                case "virtio" -> add(a, "-device", "virtio-blk-pci,drive=" + drive + ",id=" + d.alias());
                case "sata" -> add(a, "-device", kind + ",bus=" + (q35 ? "ide." : "sata0.") + d.unit() + ",drive="
                        + drive + ",id=" + d.alias());
                default -> {
                    if (q35) {
                        throw ModelErrors.unsupported("IDE controllers are unsupported for this QEMU binary or "
                                + "machine type");
                    }
                    add(a, "-device", kind + ",bus=ide." + d.unit() / 2 + ",unit=" + d.unit() % 2 + ",drive="
                            + drive + ",id=" + d.alias());
                }
            }
        }
        for (int i = 0; i < def.interfaces().size(); i++) {
            InterfaceDef n = def.interfaces().get(i);
            String netdev = "hostnet" + i;
            add(a, "-netdev", switch (n.type()) {
                case "user" -> "user,id=" + netdev;
                case "bridge" -> "bridge,br=" + opt(n.source()) + ",id=" + netdev;
                default -> throw ModelErrors.unsupported("interface type 'network' needs a network driver, which "
                        + "this daemon does not have yet");
            });
            String model = n.model() == null ? "e1000" : n.model();
            add(a, "-device", (model.equals("virtio") ? "virtio-net-pci" : model) + ",netdev=" + netdev + ",id=net"
                    + i + ",mac=" + n.mac());
        }
        for (int i = 0; i < def.serials().size(); i++) {
            SerialDef s = def.serials().get(i);
            String chardev = "charserial" + i;
            add(a, "-chardev", switch (s.type()) {
                case "pty" -> "pty,id=" + chardev;
                case "file" -> "file,id=" + chardev + ",path=" + opt(s.path()) + ",append=on";
                default -> "null,id=" + chardev;
            });
            add(a, "-device", "isa-serial,chardev=" + chardev + ",id=serial" + i + ",index=" + i);
        }
        for (int input = 0; input < def.inputs().size(); input++) { // aliases count every input, as libvirt's
            InputDef in = def.inputs().get(input);
            if (in.bus().equals("usb")) {
                String dev = switch (in.type()) {
                    case "tablet" -> "usb-tablet";
                    case "mouse" -> "usb-mouse";
                    default -> "usb-kbd";
                };
                add(a, "-device", dev + ",id=input" + input + ",bus=usb.0");
            }
        }
        GraphicsDef g = def.graphics();
        if (g == null) {
            add(a, "-display", "none");
        } else {
            add(a, "-vnc", g.listen() + ":" + (g.port() - 5900));
        }
        if (def.video() != null) {
            add(a, "-device", switch (def.video()) {
                case "cirrus" -> "cirrus-vga";
                case "virtio" -> "virtio-vga";
                default -> "VGA";
            } + ",id=video0");
        }
        if (def.memballoon().equals("virtio")) {
            add(a, "-device", "virtio-balloon-pci,id=balloon0");
        }
        a.add("-daemonize");
        add(a, "-pidfile", paths.pidFile());
        add(a, "-msg", "timestamp=on");
        return a;
    }

    /** The USB controller model the guest needs, or null for none (usb devices need one). */
    private static String usbController(DomainDef def) {
        for (ControllerDef c : def.controllers()) {
            if (c.type().equals("usb")) {
                if ("none".equals(c.model())) {
                    if (def.inputs().stream().anyMatch(i -> i.bus().equals("usb"))) {
                        throw ModelErrors.unsupported("USB is disabled for this domain, but USB devices are present "
                                + "in the domain XML");
                    }
                    return null;
                }
                return c.model() == null ? "piix3-uhci" : c.model();
            }
        }
        return def.inputs().stream().anyMatch(i -> i.bus().equals("usb")) ? "piix3-uhci" : null;
    }

    private static void add(List<String> a, String option, String value) {
        a.add(option);
        a.add(value);
    }

    /** Escapes a value inside a QEMU option list: a comma is doubled. */
    private static String opt(String value) {
        return value.replace(",", ",,");
    }
}
