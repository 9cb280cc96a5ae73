package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_domain_get_scheduler_parameters_flags_args}: a domain, how many parameters the caller takes, and
 * flags (LIVE, CONFIG, TYPED_PARAM_STRING_OKAY).
 */
public record DomainGetSchedulerParametersFlagsArgs(RemoteNonnullDomain dom, int nparams, @XdrUnsigned int flags) {
}
