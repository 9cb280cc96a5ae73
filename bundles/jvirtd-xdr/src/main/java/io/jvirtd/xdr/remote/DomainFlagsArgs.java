package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_domain_get_state_args}, {@code remote_domain_get_xml_desc_args},
 * {@code remote_domain_undefine_flags_args}, {@code remote_domain_create_with_flags_args},
 * {@code remote_domain_destroy_flags_args}, {@code remote_domain_shutdown_flags_args},
 * {@code remote_domain_reboot_args}, {@code remote_domain_get_vcpus_flags_args},
 * {@code remote_domain_has_managed_save_image_args}, {@code remote_domain_managed_save_remove_args},
 * {@code remote_domain_snapshot_num_args}, {@code remote_domain_get_messages_args}: a domain and flags.
 */
public record DomainFlagsArgs(RemoteNonnullDomain dom, @XdrUnsigned int flags) {
}
