package io.jvirtd.xdr.remote;

/**
 * {@code remote_domain_get_xml_desc_ret}, {@code remote_network_get_xml_desc_ret},
 * {@code remote_storage_pool_get_xml_desc_ret}, {@code remote_storage_vol_get_xml_desc_ret},
 * {@code remote_interface_get_xml_desc_ret}, {@code remote_node_device_get_xml_desc_ret}: an XML description.
 */
public record XmlRet(String xml) {
}
