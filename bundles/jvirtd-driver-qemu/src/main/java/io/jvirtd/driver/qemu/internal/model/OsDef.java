package io.jvirtd.driver.qemu.internal.model;

import java.util.List;

/**
 * The {@code <os>} element.
 *
 * @param arch the guest architecture ({@code x86_64})
 * @param machine the machine type ({@code pc}, {@code q35}, a versioned one)
 * @param bootDevices the {@code <boot dev>} values in order ({@code hd}, {@code cdrom}, {@code network}, {@code fd})
 * @param kernel the direct-boot kernel, or null
 * @param initrd the direct-boot initrd, or null
 * @param cmdline the kernel command line, or null
 */
public record OsDef(String arch, String machine, List<String> bootDevices, String kernel, String initrd,
        String cmdline) {
    public OsDef {
        bootDevices = List.copyOf(bootDevices);
    }
}
