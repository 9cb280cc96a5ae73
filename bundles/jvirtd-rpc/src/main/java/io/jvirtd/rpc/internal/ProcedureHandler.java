package io.jvirtd.rpc.internal;

/**
 * One REMOTE procedure's behaviour: decoded arguments in, the result record out (or a
 * {@link io.jvirtd.api.error.VirException}). Runs on a worker with no lock held.
 *
 * @param <A> the procedure's argument record
 */
@FunctionalInterface
interface ProcedureHandler<A> {
    Object call(Call call, A args);
}
