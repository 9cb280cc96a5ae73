package io.jvirtd.driver.test.internal.model;

import java.util.List;
import java.util.UUID;

/**
 * A virtual network's configuration after libvirt's defaults (bridge stp on, delay 0;
 * {@code <forward/>} without a mode is nat). Immutable.
 *
 * @param forwardMode nat, route, bridge, ... or null for an isolated network
 * @param forwardDev  {@code <forward dev=>}, or null
 * @param bridgeName  null when libvirt would pick one (the network driver does, the test driver does not)
 * @param extras      other top-level elements, echoed after the ips
 */
public record NetworkDefinition(String name, UUID uuid, String forwardMode, String forwardDev,
                                String bridgeName, boolean stp, int delay, String mac, String domainName,
                                List<Ip> ips, List<XmlElement> extras) {

    public NetworkDefinition {
        ips = List.copyOf(ips);
        extras = List.copyOf(extras);
    }

    /**
     * An {@code <ip>} with its DHCP settings.
     *
     * @param netmask  dotted netmask, or null when {@code prefix} is used
     * @param prefix   the prefix length, or -1
     */
    public record Ip(String family, String address, String netmask, int prefix, List<DhcpRange> ranges,
                     List<DhcpHost> hosts, boolean dhcp) {
        public Ip {
            ranges = List.copyOf(ranges);
            hosts = List.copyOf(hosts);
        }
    }

    public record DhcpRange(String start, String end) {
    }

    /** A static lease; any of the three may be null. */
    public record DhcpHost(String mac, String name, String ip) {
    }
}
