package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_domain_define_xml_flags_args}, {@code remote_domain_create_xml_args},
 * {@code remote_network_define_xml_flags_args}, {@code remote_network_create_xml_flags_args},
 * {@code remote_storage_pool_define_xml_args}, {@code remote_storage_pool_create_xml_args},
 * {@code remote_interface_define_xml_args}: an XML description and flags (libvirt names the XML {@code xml_desc} in
 * domain_create_xml).
 */
public record XmlFlagsArgs(String xml, @XdrUnsigned int flags) {
}
