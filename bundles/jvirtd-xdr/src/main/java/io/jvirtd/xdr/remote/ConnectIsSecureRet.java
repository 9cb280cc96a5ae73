package io.jvirtd.xdr.remote;


/** {@code remote_connect_is_secure_ret}: 1 if the channel is secure. */
public record ConnectIsSecureRet(int secure) {
}
