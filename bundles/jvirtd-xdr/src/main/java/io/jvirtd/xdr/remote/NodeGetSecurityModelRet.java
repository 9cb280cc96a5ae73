package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrVarChars;

/**
 * {@code remote_node_get_security_model_ret}: security model and DOI, each a {@code char<257>}
 * whose count includes the trailing NUL (empty strings when there is none).
 */
public record NodeGetSecurityModelRet(@XdrVarChars(RemoteProgram.SECURITY_MODEL_MAX) String model,
        @XdrVarChars(RemoteProgram.SECURITY_DOI_MAX) String doi) {
}
