package io.jvirtd.driver.qemu.internal.model;

/**
 * The {@code <cpu>} element.
 *
 * @param mode {@code host-passthrough}, {@code host-model}, {@code maximum} or {@code custom}
 * @param model the CPU model for {@code custom}, else null
 */
public record CpuDef(String mode, String model) {
}
