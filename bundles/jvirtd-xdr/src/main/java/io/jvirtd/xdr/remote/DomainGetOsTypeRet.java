package io.jvirtd.xdr.remote;

/** {@code remote_domain_get_os_type_ret}: the guest OS type, e.g. "hvm". */
public record DomainGetOsTypeRet(String type) {
}
