package io.jvirtd.driver.qemu.internal.model;

/**
 * An {@code <interface>}.
 *
 * @param type {@code user}, {@code bridge} or {@code network}
 * @param source the bridge name (bridge) or network name (network), null for user
 * @param mac the MAC address, lower case
 * @param model the NIC model ({@code virtio}, {@code e1000}, {@code rtl8139})
 */
public record InterfaceDef(String type, String source, String mac, String model) {
}
