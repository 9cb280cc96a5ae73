package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrVarChars;

/**
 * {@code remote_domain_get_security_label_ret}: the label as {@code char<4097>} whose count includes the trailing
 * NUL (empty: no label), and whether it is enforced.
 */
public record DomainGetSecurityLabelRet(@XdrVarChars(RemoteProgram.SECURITY_LABEL_MAX) String label, int enforcing) {
}
