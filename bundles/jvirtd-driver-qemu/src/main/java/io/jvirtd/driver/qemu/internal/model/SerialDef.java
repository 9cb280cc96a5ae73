package io.jvirtd.driver.qemu.internal.model;

/**
 * A {@code <serial>} port (the first one is also the {@code <console>}).
 *
 * @param type {@code pty}, {@code file} or {@code null}
 * @param path the file (file), or the pty allocated by QEMU (pty, live only), else null
 */
public record SerialDef(String type, String path) {

    public SerialDef withPath(String p) {
        return new SerialDef(type, p);
    }
}
