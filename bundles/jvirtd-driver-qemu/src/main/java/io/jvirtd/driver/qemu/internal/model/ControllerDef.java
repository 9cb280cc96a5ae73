package io.jvirtd.driver.qemu.internal.model;

/**
 * A {@code <controller>}.
 *
 * @param type {@code usb}, {@code pci}, {@code ide} or {@code sata}
 * @param index its index among controllers of its type
 * @param model the model ({@code piix3-uhci}, {@code qemu-xhci}, {@code none}, {@code pci-root}), or null
 */
public record ControllerDef(String type, int index, String model) {
}
