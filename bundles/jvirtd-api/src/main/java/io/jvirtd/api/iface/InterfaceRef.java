package io.jvirtd.api.iface;

import java.util.Objects;

/** A host interface handle ({@code remote_nonnull_interface}): name and MAC address. */
public record InterfaceRef(String name, String mac) {
    public InterfaceRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mac, "mac");
    }
}
