package io.jvirtd.xdr.remote;

/** {@code remote_network_set_autostart_args}: a network and the new autostart flag. */
public record NetworkSetAutostartArgs(RemoteNonnullNetwork net, int autostart) {
}
