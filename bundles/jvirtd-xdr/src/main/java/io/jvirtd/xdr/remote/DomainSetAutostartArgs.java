package io.jvirtd.xdr.remote;

/** {@code remote_domain_set_autostart_args}: a domain and the new autostart flag. */
public record DomainSetAutostartArgs(RemoteNonnullDomain dom, int autostart) {
}
