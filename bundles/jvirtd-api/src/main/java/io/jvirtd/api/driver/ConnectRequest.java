package io.jvirtd.api.driver;

/**
 * What a client asked {@code connect_open} for.
 *
 * @param uri the URI as the client sent it, e.g. {@code test:///default}
 * @param readOnly true for a read-only connection (read-only socket, or the read-only open flag)
 */
public record ConnectRequest(String uri, boolean readOnly) {
}
