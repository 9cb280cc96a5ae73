package io.jvirtd.xdr.remote;

/** {@code remote_domain_has_managed_save_image_ret}: 1 if a managed-save image exists. */
public record DomainHasManagedSaveImageRet(int result) {
}
