package io.jvirtd.driver.qemu.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.jvirtd.api.domain.DomainDriver;
import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.driver.NodeInfo;

/**
 * One client's {@code qemu:///system} (or {@code qemu:///session}) connection: every connection
 * of a driver instance shares its state, so this object only answers the connection-level calls
 * and hands out the shared domain calls. Immutable.
 */
final class QemuConnection implements DriverConnection {
    private final String uri; // immutable
    private final QemuState state; // immutable
    private final QemuDomains domains; // thread-safe

    QemuConnection(String uri, QemuState state, QemuDomains domains) {
        this.uri = uri;
        this.state = state;
        this.domains = domains;
    }

    @Override
    public String type() {
        return "QEMU";
    }

    @Override
    public long version() {
        return state.host.version();
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public String capabilities() {
        return state.host.capabilitiesXml();
    }

    @Override
    public NodeInfo nodeInfo() {
        return state.host.nodeInfo();
    }

    @Override
    public int maxVcpus(String type) {
        return 255;
    }

    @Override
    public String sysinfo(int flags) {
        throw io.jvirtd.api.driver.Unsupported.api(io.jvirtd.api.error.VirErrorDomain.QEMU, "virConnectGetSysinfo");
    }

    @Override
    public long freeMemory() {
        return state.host.freeMemoryBytes();
    }

    @Override
    public DomainDriver domains() {
        return domains;
    }

    @Override
    public void close() {
        // the state belongs to the driver instance; nothing per connection
    }
}
