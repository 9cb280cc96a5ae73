package io.jvirtd.api.driver;

import java.util.List;

import io.jvirtd.api.domain.DomainDriver;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.iface.InterfaceDriver;
import io.jvirtd.api.network.NetworkDriver;
import io.jvirtd.api.nodedev.NodeDeviceDriver;
import io.jvirtd.api.storage.StorageDriver;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One client's open connection to a hypervisor driver: the connection-level calls, and the
 * domain, network, storage, node-device and interface calls through their capability interfaces. Implementations
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

    /** {@code virNodeGetCellsFreeMemory}: free memory in bytes of up to {@code max} NUMA cells from {@code start}. */
    default List<Long> cellsFreeMemory(int start, int max) {
        throw Unsupported.api(VirErrorDomain.NONE, "virNodeGetCellsFreeMemory");
    }

    /** {@code virNodeGetCPUMap}. */
    default CpuMap cpuMap(int flags) {
        throw Unsupported.api(VirErrorDomain.NONE, "virNodeGetCPUMap");
    }

    /** The domain calls; a connection without them answers {@code VIR_ERR_NO_SUPPORT} for each. */
    default DomainDriver domains() {
        return new DomainDriver() { };
    }

    /** The network calls (libvirt's network driver for this connection). */
    default NetworkDriver networks() {
        return new NetworkDriver() { };
    }

    /** The storage pool and volume calls. */
    default StorageDriver storage() {
        return new StorageDriver() { };
    }

    /** The node-device calls. */
    default NodeDeviceDriver nodeDevices() {
        return new NodeDeviceDriver() { };
    }

    /** The host-interface calls. */
    default InterfaceDriver interfaces() {
        return new InterfaceDriver() { };
    }

    /** Releases the connection; called once, when the client closes it or goes away. */
    @Override
    void close();
}
