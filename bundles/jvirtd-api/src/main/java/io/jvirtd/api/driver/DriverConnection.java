package io.jvirtd.api.driver;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One client's open connection to a hypervisor driver: the connection-level calls. Implementations
 * are called from worker threads with no RPC lock held, possibly by several workers at once
 * ({@code max_client_requests}), and must be thread-safe. Failures are
 * {@link io.jvirtd.api.error.VirException}s.
 */
@ConsumerType
public interface DriverConnection extends AutoCloseable {

    /** The driver's type name, e.g. {@code TEST} or {@code QEMU} ({@code virConnectGetType}). */
    String type();

    /** The hypervisor version, major * 1000000 + minor * 1000 + micro. */
    long version();

    /** The URI this connection serves, e.g. {@code test:///default}. */
    String uri();

    /** The host name. */
    String hostname();

    /** The capabilities XML. */
    String capabilities();

    /** The host's CPU and memory. */
    NodeInfo nodeInfo();

    /** The most vCPUs a guest of {@code type} may have ({@code type} may be null). */
    int maxVcpus(String type);

    /** The sysinfo XML. */
    String sysinfo(int flags);

    /** Free host memory in bytes. */
    long freeMemory();

    /** Whether the driver supports a {@code virDrvFeature} the daemon does not answer itself. */
    default boolean supportsFeature(int feature) {
        return false;
    }

    /** The security model and DOI ({@code virsh dominfo}), empty when there is none. */
    default String[] securityModel() {
        return new String[] {"", ""};
    }

    /** Releases the connection; called once, when the client closes it or goes away. */
    @Override
    void close();
}
