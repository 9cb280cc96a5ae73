package io.jvirtd.driver.qemu.internal.model;

import java.util.List;
import java.util.UUID;

/**
 * A domain definition: the subset of libvirt's domain XML the QEMU driver supports. Immutable; the
 * live definition of a running guest is a copy with the values QEMU chose (pty paths, VNC port).
 *
 * @param type {@code kvm} or {@code qemu} (TCG)
 * @param name the name
 * @param uuid the uuid
 * @param title the one-line title, or null
 * @param description the description, or null
 * @param memoryKiB the maximum memory, KiB
 * @param currentMemoryKiB the memory at start (balloon target), KiB
 * @param vcpus the maximum vCPUs
 * @param currentVcpus the vCPUs at start
 * @param os the {@code <os>} element
 * @param acpi whether {@code <features><acpi/>} is set (ACPI shutdown needs it)
 * @param apic whether {@code <features><apic/>} is set
 * @param cpu the {@code <cpu>} element, or null
 * @param clockOffset {@code utc} or {@code localtime}, or null when absent
 * @param actions the lifecycle actions
 * @param emulator the QEMU binary
 * @param disks the disks, in document order
 * @param controllers the controllers given
 * @param interfaces the network interfaces
 * @param serials the serial ports (the first is the console)
 * @param inputs the input devices
 * @param graphics the VNC display, or null for none
 * @param video the video model ({@code vga}, {@code cirrus}, {@code virtio}), or null for none
 * @param memballoon the balloon model, {@code virtio} or {@code none}
 */
public record DomainDef(String type, String name, UUID uuid, String title, String description, long memoryKiB,
        long currentMemoryKiB, int vcpus, int currentVcpus, OsDef os, boolean acpi, boolean apic, CpuDef cpu,
        String clockOffset, LifecycleActions actions, String emulator, List<DiskDef> disks,
        List<ControllerDef> controllers, List<InterfaceDef> interfaces, List<SerialDef> serials,
        List<InputDef> inputs, GraphicsDef graphics, String video, String memballoon) {

    public DomainDef {
        disks = List.copyOf(disks);
        controllers = List.copyOf(controllers);
        interfaces = List.copyOf(interfaces);
        serials = List.copyOf(serials);
        inputs = List.copyOf(inputs);
    }

    /** A copy naming another QEMU binary. */
    public DomainDef withEmulator(String e) {
        return new DomainDef(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, currentVcpus,
                os, acpi, apic, cpu, clockOffset, actions, e, disks, controllers, interfaces, serials, inputs,
                graphics, video, memballoon);
    }

    /** A copy with another {@code <os>} element. */
    public DomainDef withOs(OsDef o) {
        return new DomainDef(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, currentVcpus,
                o, acpi, apic, cpu, clockOffset, actions, emulator, disks, controllers, interfaces, serials, inputs,
                graphics, video, memballoon);
    }

    /** A copy with other serial ports (live pty paths). */
    public DomainDef withSerials(List<SerialDef> s) {
        return new DomainDef(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, currentVcpus,
                os, acpi, apic, cpu, clockOffset, actions, emulator, disks, controllers, interfaces, s, inputs,
                graphics, video, memballoon);
    }

    /** A copy with another VNC display (the port chosen at start). */
    public DomainDef withGraphics(GraphicsDef g) {
        return new DomainDef(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, currentVcpus,
                os, acpi, apic, cpu, clockOffset, actions, emulator, disks, controllers, interfaces, serials, inputs,
                g, video, memballoon);
    }

    /** A copy with another current memory (balloon target). */
    public DomainDef withCurrentMemory(long kib) {
        return new DomainDef(type, name, uuid, title, description, memoryKiB, kib, vcpus, currentVcpus, os, acpi,
                apic, cpu, clockOffset, actions, emulator, disks, controllers, interfaces, serials, inputs, graphics,
                video, memballoon);
    }

    /** A copy with another maximum memory; the current memory is lowered to it if above. */
    public DomainDef withMaxMemory(long kib) {
        return new DomainDef(type, name, uuid, title, description, kib, Math.min(kib, currentMemoryKiB), vcpus,
                currentVcpus, os, acpi, apic, cpu, clockOffset, actions, emulator, disks, controllers, interfaces,
                serials, inputs, graphics, video, memballoon);
    }
}
