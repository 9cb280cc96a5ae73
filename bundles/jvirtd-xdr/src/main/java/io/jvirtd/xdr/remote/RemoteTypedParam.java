package io.jvirtd.xdr.remote;

/**
 * {@code remote_typed_param}: one named value of a parameter list (scheduler, memory, block I/O
 * tuning; the admin program's thread-pool and client-limit parameters have the same shape). A
 * receiver copies {@code field} into an 80-byte C buffer, so it must be at most
 * {@link RemoteProgram#TYPED_PARAM_FIELD_MAX} bytes; that is checked where lists are handled, not
 * by the codec.
 *
 * @param field the parameter name, e.g. "minWorkers"
 * @param value the typed value
 */
public record RemoteTypedParam(String field, RemoteTypedParamValue value) {
}
