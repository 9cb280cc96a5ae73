package io.jvirtd.xdr.remote;


/** {@code remote_connect_get_capabilities_ret}: the capabilities XML. */
public record ConnectGetCapabilitiesRet(String capabilities) {
}
