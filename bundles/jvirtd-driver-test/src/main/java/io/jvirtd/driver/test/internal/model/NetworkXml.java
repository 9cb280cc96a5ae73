package io.jvirtd.driver.test.internal.model;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.driver.test.internal.model.NetworkDefinition.DhcpHost;
import io.jvirtd.driver.test.internal.model.NetworkDefinition.DhcpRange;
import io.jvirtd.driver.test.internal.model.NetworkDefinition.Ip;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Network XML ({@code <network>}) to {@link NetworkDefinition} and back, as libvirt 9.0 prints it. */
public final class NetworkXml {
    private static final Set<String> HANDLED = Set.of("name", "uuid", "forward", "bridge", "mac", "domain", "ip");
    private static final Set<String> FORWARD_MODES = Set.of("nat", "route", "open", "bridge", "private", "vepa",
            "passthrough", "hostdev");

    private NetworkXml() {
    }

    public static NetworkDefinition parse(String xml) {
        return fromElement(XmlParser.parse(xml, "(network_definition)", VirErrorDomain.NETWORK, "network"));
    }

    public static NetworkDefinition fromElement(XmlElement root) {
        if (!"network".equals(root.name())) {
            throw VirException.of(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                    "expecting root element of 'network', not '%s'", root.name());
        }
        String name = root.childText("name");
        if (name == null || name.isEmpty()) {
            throw new VirException(VirErrorCode.NO_NAME, VirErrorDomain.NETWORK, null);
        }
        if (name.contains("/")) {
            throw err("name " + name + " cannot contain '/'");
        }
        UUID uuid = Uuids.generate();
        String uuidText = root.childText("uuid");
        if (uuidText != null && (uuid = Uuids.parseOrNull(uuidText)) == null) {
            throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.NETWORK, "malformed uuid element");
        }
        String forwardMode = null;
        String forwardDev = null;
        XmlElement forward = root.child("forward").orElse(null);
        if (forward != null) {
            forwardMode = forward.attr("mode") == null ? "nat" : forward.attr("mode");
            if (!FORWARD_MODES.contains(forwardMode)) {
                throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.NETWORK,
                        "unknown forwarding type '" + forwardMode + "'");
            }
            forwardDev = forward.attr("dev");
        }
        XmlElement bridge = root.child("bridge").orElse(null);
        String bridgeName = bridge == null ? null : bridge.attr("name");
        boolean stp = bridge == null || bridge.attr("stp") == null || !bridge.attr("stp").equals("off");
        int delay = 0;
        if (bridge != null && bridge.attr("delay") != null) {
            try {
                delay = Integer.parseInt(bridge.attr("delay"));
            } catch (NumberFormatException e) {
                throw err("Invalid delay value in network '" + name + "'");
            }
        }
        String mac = root.child("mac").map(m -> m.attr("address")).orElse(null);
        if (mac != null) {
            String normalized = MacAddresses.normalizeOrNull(mac);
            if (normalized == null) {
                throw err("Invalid bridge mac address '" + mac + "' in network '" + name + "'");
            }
            mac = normalized;
        }
        String domainName = root.child("domain").map(d -> d.attr("name")).orElse(null);
        List<Ip> ips = new ArrayList<>();
        for (XmlElement ip : root.children("ip")) {
            ips.add(parseIp(ip));
        }
        if ("route".equals(forwardMode) && ips.isEmpty()) {
            throw err("route forwarding requested, but no IP address provided for network '" + name + "'");
        }
        List<XmlElement> extras = root.children().stream().filter(c -> !HANDLED.contains(c.name())).toList();
        return new NetworkDefinition(name, uuid, forwardMode, forwardDev, bridgeName, stp, delay, mac, domainName,
                ips, extras);
    }

    private static Ip parseIp(XmlElement ip) {
        int prefix = -1;
        if (ip.attr("prefix") != null) {
            try {
                prefix = Integer.parseInt(ip.attr("prefix"));
            } catch (NumberFormatException e) {
                throw err("Invalid ip address prefix '" + ip.attr("prefix") + "'");
            }
        }
        List<DhcpRange> ranges = new ArrayList<>();
        List<DhcpHost> hosts = new ArrayList<>();
        XmlElement dhcp = ip.child("dhcp").orElse(null);
        if (dhcp != null) {
            dhcp.children("range").forEach(r -> ranges.add(new DhcpRange(r.attr("start"), r.attr("end"))));
            dhcp.children("host").forEach(h -> hosts.add(new DhcpHost(h.attr("mac"), h.attr("name"), h.attr("ip"))));
        }
        return new Ip(ip.attr("family"), ip.attr("address"), ip.attr("netmask"), prefix, ranges, hosts, dhcp != null);
    }

    /** Formats as virNetworkGetXMLDesc (the test driver takes no flags). */
    public static String format(NetworkDefinition def) {
        XmlWriter w = new XmlWriter();
        w.open("network");
        w.text("name", def.name());
        w.text("uuid", Uuids.format(def.uuid()));
        if (def.forwardMode() != null) {
            w.empty("forward", "mode", def.forwardMode(), "dev", def.forwardDev());
        }
        if (def.forwardMode() == null || !Set.of("bridge", "private", "vepa", "passthrough", "hostdev")
                .contains(def.forwardMode())) {
            w.empty("bridge", "name", def.bridgeName(), "stp", def.stp() ? "on" : "off",
                    "delay", Integer.toString(def.delay()));
        }
        if (def.mac() != null) {
            w.empty("mac", "address", def.mac());
        }
        if (def.domainName() != null) {
            w.empty("domain", "name", def.domainName());
        }
        for (Ip ip : def.ips()) {
            w.open("ip", "family", ip.family(), "address", ip.address(), "netmask", ip.netmask(),
                    "prefix", ip.prefix() >= 0 ? Integer.toString(ip.prefix()) : null);
            if (ip.dhcp() && (!ip.ranges().isEmpty() || !ip.hosts().isEmpty())) {
                w.open("dhcp");
                ip.ranges().forEach(r -> w.empty("range", "start", r.start(), "end", r.end()));
                ip.hosts().forEach(h -> w.empty("host", "mac", h.mac(), "name", h.name(), "ip", h.ip()));
                w.close("dhcp");
            }
            w.close("ip");
        }
        def.extras().forEach(w::element);
        w.close("network");
        return w.toString();
    }

    private static VirException err(String detail) {
        return new VirException(VirErrorCode.XML_ERROR, VirErrorDomain.NETWORK, detail);
    }
}
