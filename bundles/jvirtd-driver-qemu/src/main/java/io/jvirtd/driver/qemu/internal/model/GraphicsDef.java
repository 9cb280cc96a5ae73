package io.jvirtd.driver.qemu.internal.model;

/**
 * A {@code <graphics type='vnc'>}.
 *
 * @param port the TCP port, or -1 while it is to be chosen ({@code autoport})
 * @param autoport whether the driver chooses the port at each start
 * @param listen the address VNC listens on
 */
public record GraphicsDef(int port, boolean autoport, String listen) {

    public GraphicsDef withPort(int p) {
        return new GraphicsDef(p, autoport, listen);
    }
}
