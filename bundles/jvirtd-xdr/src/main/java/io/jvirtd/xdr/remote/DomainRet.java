package io.jvirtd.xdr.remote;

/**
 * {@code remote_domain_lookup_by_id_ret}, {@code remote_domain_lookup_by_name_ret},
 * {@code remote_domain_lookup_by_uuid_ret}, {@code remote_domain_define_xml_ret},
 * {@code remote_domain_define_xml_flags_ret}, {@code remote_domain_create_xml_ret},
 * {@code remote_domain_create_with_flags_ret}: a domain handle.
 */
public record DomainRet(RemoteNonnullDomain dom) {
}
