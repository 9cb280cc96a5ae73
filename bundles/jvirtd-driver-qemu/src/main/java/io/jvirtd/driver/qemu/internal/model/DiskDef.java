package io.jvirtd.driver.qemu.internal.model;

/**
 * A {@code <disk type='file'>}.
 *
 * @param device {@code disk} or {@code cdrom}
 * @param format the image format, {@code raw} or {@code qcow2}
 * @param source the image file, or null for an empty cdrom
 * @param targetDev the guest device name ({@code vda}, {@code sda}, {@code hdc})
 * @param bus {@code virtio}, {@code sata} or {@code ide}
 * @param readOnly whether the guest may not write it (always true for a cdrom)
 */
public record DiskDef(String device, String format, String source, String targetDev, String bus,
        boolean readOnly) {

    /** The unit on its bus, from the target name's last letter ({@code sdb} → 1). */
    public int unit() {
        return targetDev.charAt(targetDev.length() - 1) - 'a';
    }

    /** The QEMU device id, libvirt's alias: {@code virtio-disk0} (vda), {@code sata0-0-1} (sdb), {@code ide0-1-0} (hdc). */
    public String alias() {
        return switch (bus) {
            case "virtio" -> "virtio-disk" + unit();
            case "sata" -> "sata0-0-" + unit();
            default -> "ide0-" + unit() / 2 + "-" + unit() % 2;
        };
    }
}
