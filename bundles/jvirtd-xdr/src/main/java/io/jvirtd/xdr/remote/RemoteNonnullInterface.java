package io.jvirtd.xdr.remote;

/** {@code remote_nonnull_interface}: a host interface handle: name and MAC address. */
public record RemoteNonnullInterface(String name, String mac) {
}
