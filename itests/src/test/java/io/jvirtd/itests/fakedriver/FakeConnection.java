package io.jvirtd.itests.fakedriver;

import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.driver.NodeInfo;

/** A connection of the fake driver: fixed answers the tests can recognise. */
public final class FakeConnection implements DriverConnection {
    public static final String HOSTNAME = "fake-host.example";
    public static final long VERSION = 1_002_003L;

    private final String uri;

    FakeConnection(String uri) {
        this.uri = uri;
    }

    @Override
    public String type() {
        return "FAKE";
    }

    @Override
    public long version() {
        return VERSION;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String hostname() {
        return HOSTNAME;
    }

    @Override
    public String capabilities() {
        return "<capabilities>\n  <host>\n    <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>\n  </host>\n</capabilities>\n";
    }

    @Override
    public NodeInfo nodeInfo() {
        return new NodeInfo("fake-cpu", 8_388_608L, 4, 2400, 1, 1, 2, 2);
    }

    @Override
    public int maxVcpus(String type) {
        return 16;
    }

    /**
     * The sysinfo XML. A non-zero {@code flags} makes the call take that many milliseconds: it stands in
     * for a slow hypervisor call, so tests can keep request slots busy.
     */
    @Override
    public String sysinfo(int flags) {
        if (flags > 0) {
            try {
                Thread.sleep(flags);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return "<sysinfo type='smbios'/>\n";
    }

    @Override
    public long freeMemory() {
        return 1_073_741_824L;
    }

    @Override
    public void close() {
        // nothing held
    }
}
