package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrUnsigned;

/** {@code remote_domain_set_scheduler_parameters_flags_args}: a domain, the parameters to set and flags. */
public record DomainSetSchedulerParametersFlagsArgs(RemoteNonnullDomain dom,
        @XdrMax(RemoteProgram.DOMAIN_SCHEDULER_PARAMETERS_MAX) List<RemoteTypedParam> params, @XdrUnsigned int flags) {
}
