package io.jvirtd.xdr.remote;

/** {@code remote_interface_undefine_args}, {@code remote_interface_is_active_args}: a host interface. */
public record InterfaceArgs(RemoteNonnullInterface iface) {
}
