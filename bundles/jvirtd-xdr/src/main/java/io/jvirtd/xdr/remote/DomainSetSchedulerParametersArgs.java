package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;

/** {@code remote_domain_set_scheduler_parameters_args}: a domain and the parameters to set. */
public record DomainSetSchedulerParametersArgs(RemoteNonnullDomain dom,
        @XdrMax(RemoteProgram.DOMAIN_SCHEDULER_PARAMETERS_MAX) List<RemoteTypedParam> params) {
}
