package io.jvirtd.xdr.remote;

/**
 * {@code remote_domain_define_xml_args}, {@code remote_network_define_xml_args},
 * {@code remote_network_create_xml_args}: an XML description.
 */
public record XmlArgs(String xml) {
}
