package io.jvirtd.driver.test.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.jvirtd.api.domain.DomainDriver;
import io.jvirtd.api.driver.CpuMap;
import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.driver.NodeInfo;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.iface.InterfaceDriver;
import io.jvirtd.api.network.NetworkDriver;
import io.jvirtd.api.nodedev.NodeDeviceDriver;
import io.jvirtd.api.storage.StorageDriver;

/**
 * One client's connection to a test state. All connections on a URI share the state and its
 * operation objects; closing the last one discards the state ({@link TestStates#release}).
 */
final class TestConnection implements DriverConnection {
    /** {@code virConnectGetVersion} of the test driver. */
    private static final long VERSION = 2;
    private static final int MAX_VCPUS = 32;

    private final TestStates.Entry entry; // immutable
    private final TestStates states; // immutable
    private final TestState state; // immutable

    TestConnection(TestStates states, TestStates.Entry entry) {
        this.states = states;
        this.entry = entry;
        this.state = entry.state();
    }

    @Override
    public String type() {
        return "TEST";
    }

    @Override
    public long version() {
        return VERSION;
    }

    @Override
    public String uri() {
        return state.uri;
    }

    @Override
    public String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new VirException(VirErrorCode.SYSTEM_ERROR, VirErrorDomain.TEST, "cannot find the host name: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String capabilities() {
        return state.host.capabilities();
    }

    @Override
    public NodeInfo nodeInfo() {
        return state.host.nodeInfo();
    }

    @Override
    public int maxVcpus(String type) {
        return MAX_VCPUS;
    }

    @Override
    public String sysinfo(int flags) {
        Errors.checkFlags("testConnectGetSysinfo", flags, 0);
        return state.host.sysinfo();
    }

    @Override
    public long freeMemory() {
        return state.host.freeMemory();
    }

    @Override
    public CpuMap cpuMap(int flags) {
        Errors.checkFlags("testNodeGetCPUMap", flags, 0);
        return TestHost.CPU_MAP;
    }

    @Override
    public List<Long> cellsFreeMemory(int start, int max) {
        List<Long> cells = state.host.cellsFreeMemory();
        if (start < 0 || start >= cells.size()) {
            throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST, "Range exceeds available cells");
        }
        return cells.subList(start, Math.min(cells.size(), start + Math.max(0, max)));
    }

    @Override
    public boolean supportsFeature(int feature) {
        return false;
    }

    @Override
    public String[] securityModel() {
        return new String[] {"testSecurity", ""};
    }

    @Override
    public DomainDriver domains() {
        return entry.domains();
    }

    @Override
    public NetworkDriver networks() {
        return entry.networks();
    }

    @Override
    public StorageDriver storage() {
        return entry.storage();
    }

    @Override
    public NodeDeviceDriver nodeDevices() {
        return entry.nodeDevices();
    }

    @Override
    public InterfaceDriver interfaces() {
        return entry.interfaces();
    }

    @Override
    public void close() {
        states.release(entry);
    }
}
