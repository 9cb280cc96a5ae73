package io.jvirtd.driver.qemu.internal.model;

/**
 * {@code <on_poweroff>}, {@code <on_reboot>}, {@code <on_crash>}.
 *
 * @param onPoweroff {@code destroy} or {@code restart}
 * @param onReboot {@code restart} or {@code destroy}
 * @param onCrash {@code destroy}, {@code restart} or {@code preserve}
 */
public record LifecycleActions(String onPoweroff, String onReboot, String onCrash) {
    /** libvirt's defaults. */
    public static final LifecycleActions DEFAULT = new LifecycleActions("destroy", "restart", "destroy");
}
