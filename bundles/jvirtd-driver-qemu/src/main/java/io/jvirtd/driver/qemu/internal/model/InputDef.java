package io.jvirtd.driver.qemu.internal.model;

/**
 * An {@code <input>} device.
 *
 * @param type {@code mouse}, {@code keyboard} or {@code tablet}
 * @param bus {@code ps2} or {@code usb}
 */
public record InputDef(String type, String bus) {
}
