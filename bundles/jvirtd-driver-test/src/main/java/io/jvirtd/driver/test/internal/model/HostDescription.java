package io.jvirtd.driver.test.internal.model;

import java.util.List;

/**
 * The fake host of a test connection: virNodeInfo figures, NUMA cells (test:///default has two,
 * a test:///PATH file none) and the capabilities and sysinfo documents derived from them.
 * Immutable.
 *
 * @param memoryKiB as virNodeInfo.memory (KiB)
 * @param cpus      active CPUs: min(nodes*sockets*cores*threads, the file's {@code <active>})
 */
public record HostDescription(String model, long memoryKiB, int cpus, int mhz, int nodes, int sockets, int cores,
                              int threads, List<Cell> cells) {

    /** test:///default's node info: i686, 3 GiB, 16 CPUs at 1400 MHz, 2 nodes × 2 sockets × 2 cores × 2 threads. */
    public static final HostDescription DEFAULT = new HostDescription("i686", 3L * 1024 * 1024, 16, 1400, 2, 2, 2, 2,
            List.of(new Cell(0, 2L * 1024 * 1024, 1024L * 1024, 8), new Cell(1, 4L * 1024 * 1024, 2L * 1024 * 1024, 8)));

    /** What virConnectGetMaxVcpus returns. */
    public static final int MAX_VCPUS = 32;
    /** What virConnectGetVersion returns. */
    public static final long HYPERVISOR_VERSION = 2;
    /** What virConnectGetType returns. */
    public static final String TYPE = "TEST";

    private static final String SYSINFO = """
            <sysinfo type='smbios'>
              <bios>
                <entry name='vendor'>LENOVO</entry>
                <entry name='version'>G4ETA1WW (2.61 )</entry>
                <entry name='date'>05/07/2014</entry>
                <entry name='release'>2.61</entry>
              </bios>
            </sysinfo>
            """;

    public HostDescription {
        cells = List.copyOf(cells);
    }

    /**
     * A NUMA cell; CPUs are numbered on from the previous cells', one core each, socket = cell id.
     *
     * @param memoryKiB what capabilities and virNodeGetCellsFreeMemory show for the cell
     * @param freeKiB   the cell's free memory (their sum is virNodeGetFreeMemory's figure)
     */
    public record Cell(int id, long memoryKiB, long freeKiB, int cpus) {
    }

    /** The same host with the figures a test:///PATH file gives, and no NUMA cells. */
    public HostDescription withFileFigures(String newModel, long newMemoryKiB, int newCpus, int newMhz, int newNodes,
                                           int newSockets, int newCores, int newThreads) {
        return new HostDescription(newModel, newMemoryKiB, newCpus, newMhz, newNodes, newSockets, newCores, newThreads,
                List.of());
    }

    /** virConnectGetSysinfo: a fixed document, whatever the host. */
    public String sysinfoXml() {
        return SYSINFO;
    }

    /** virConnectGetCapabilities as the test driver prints it (host arch always i686). */
    public String capabilitiesXml() {
        StringBuilder sb = new StringBuilder("<capabilities>\n\n");
        sb.append("""
                  <host>
                    <cpu>
                      <arch>i686</arch>
                      <features>
                        <pae/>
                        <nonpae/>
                      </features>
                      <pages unit='KiB' size='4'/>
                      <pages unit='KiB' size='8'/>
                      <pages unit='KiB' size='2048'/>
                      <pages unit='KiB' size='1048576'/>
                    </cpu>
                    <power_management/>
                    <iommu support='no'/>
                    <topology>
                """);
        sb.append("      <cells num='").append(cells.size()).append("'>\n");
        int cpuId = 0;
        for (Cell c : cells) {
            long firstPage = c.id() == 1 ? 8 : 4;
            sb.append("        <cell id='").append(c.id()).append("'>\n");
            sb.append("          <memory unit='KiB'>").append(c.memoryKiB()).append("</memory>\n");
            sb.append("          <pages unit='KiB' size='").append(firstPage).append("'>")
                    .append(c.memoryKiB() / firstPage).append("</pages>\n");
            sb.append("          <pages unit='KiB' size='2048'>0</pages>\n");
            sb.append("          <pages unit='KiB' size='1048576'>0</pages>\n");
            sb.append("          <cpus num='").append(c.cpus()).append("'>\n");
            for (int i = 0; i < c.cpus(); i++, cpuId++) {
                sb.append("            <cpu id='").append(cpuId).append("' socket_id='").append(c.id())
                        .append("' die_id='0' core_id='").append(i).append("' siblings='").append(cpuId).append("'/>\n");
            }
            sb.append("          </cpus>\n");
            sb.append("        </cell>\n");
        }
        sb.append("      </cells>\n");
        sb.append("""
                    </topology>
                    <secmodel>
                      <model>testSecurity</model>
                      <doi></doi>
                    </secmodel>
                  </host>

                """);
        for (String osType : List.of("hvm", "xen")) {
            sb.append("  <guest>\n    <os_type>").append(osType).append("</os_type>\n");
            sb.append("""
                        <arch name='i686'>
                          <wordsize>32</wordsize>
                          <emulator>/usr/bin/test-hv</emulator>
                          <domain type='test'/>
                        </arch>
                        <features>
                          <pae/>
                          <nonpae/>
                        </features>
                      </guest>

                    """);
        }
        sb.append("</capabilities>\n");
        return sb.toString();
    }
}
