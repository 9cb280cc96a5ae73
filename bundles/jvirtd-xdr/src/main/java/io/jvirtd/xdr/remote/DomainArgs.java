package io.jvirtd.xdr.remote;

/**
 * {@code remote_domain_get_info_args}, {@code remote_domain_get_os_type_args}, {@code remote_domain_undefine_args},
 * {@code remote_domain_create_args}, {@code remote_domain_destroy_args}, {@code remote_domain_suspend_args},
 * {@code remote_domain_resume_args}, {@code remote_domain_shutdown_args}, {@code remote_domain_get_autostart_args},
 * {@code remote_domain_is_active_args}, {@code remote_domain_is_persistent_args},
 * {@code remote_domain_is_updated_args}, {@code remote_domain_get_max_vcpus_args},
 * {@code remote_domain_get_max_memory_args}, {@code remote_domain_get_security_label_args},
 * {@code remote_domain_get_scheduler_type_args}: a domain.
 */
public record DomainArgs(RemoteNonnullDomain dom) {
}
