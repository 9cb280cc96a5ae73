package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;

/**
 * {@code remote_domain_get_scheduler_parameters_ret}, {@code remote_domain_get_scheduler_parameters_flags_ret}: the
 * scheduler parameters.
 */
public record DomainGetSchedulerParametersRet(
        @XdrMax(RemoteProgram.DOMAIN_SCHEDULER_PARAMETERS_MAX) List<RemoteTypedParam> params) {
}
