package io.jvirtd.xdr.remote;


/** {@code remote_connect_get_type_ret}: the hypervisor driver's name ("TEST", "QEMU"). */
public record ConnectGetTypeRet(String type) {
}
