package io.jvirtd.xdr.remote;

/** {@code remote_domain_get_scheduler_type_ret}: the scheduler name and how many parameters it has. */
public record DomainGetSchedulerTypeRet(String type, int nparams) {
}
