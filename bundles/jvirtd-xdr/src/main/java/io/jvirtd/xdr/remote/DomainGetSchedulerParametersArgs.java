package io.jvirtd.xdr.remote;

/** {@code remote_domain_get_scheduler_parameters_args}: a domain and how many parameters the caller takes. */
public record DomainGetSchedulerParametersArgs(RemoteNonnullDomain dom, int nparams) {
}
