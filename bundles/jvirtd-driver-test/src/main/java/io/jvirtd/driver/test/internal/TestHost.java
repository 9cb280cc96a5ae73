package io.jvirtd.driver.test.internal;

import java.util.List;

import io.jvirtd.api.driver.CpuMap;
import io.jvirtd.api.driver.NodeInfo;
import io.jvirtd.driver.test.internal.model.HostDescription;

/**
 * The host a test state pretends to run on, in the figures its calls return.
 *
 * @param nodeInfo the CPUs and memory (nodeinfo)
 * @param capabilities the capabilities XML
 * @param sysinfo the sysinfo XML
 * @param cellsFreeMemory what virNodeGetCellsFreeMemory returns per cell (libvirt's test driver
 *        returns each cell's memory figure)
 * @param freeMemory what virNodeGetFreeMemory returns
 */
record TestHost(NodeInfo nodeInfo, String capabilities, String sysinfo, List<Long> cellsFreeMemory, long freeMemory) {
    /** libvirt's test driver reports a fixed CPU map: 8 CPUs, 0, 2 and 4 online. */
    static final CpuMap CPU_MAP = new CpuMap(8, new byte[] {0x15}, 3);

    TestHost {
        cellsFreeMemory = List.copyOf(cellsFreeMemory);
    }

    static TestHost of(HostDescription h) {
        return new TestHost(new NodeInfo(h.model(), h.memoryKiB(), h.cpus(), h.mhz(), h.nodes(), h.sockets(),
                h.cores(), h.threads()), h.capabilitiesXml(), h.sysinfoXml(),
                h.cells().stream().map(HostDescription.Cell::memoryKiB).toList(),
                h.cells().stream().mapToLong(HostDescription.Cell::freeKiB).sum());
    }
}
