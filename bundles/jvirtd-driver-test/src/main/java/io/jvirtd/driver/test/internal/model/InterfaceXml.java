package io.jvirtd.driver.test.internal.model;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import java.util.List;
import java.util.Set;

/**
 * Host interface XML to {@link InterfaceDefinition} and back, in libvirt 9.0's order: start,
 * mtu, protocols, then mac (ethernet) or the type's own element.
 */
public final class InterfaceXml {
    private static final List<String> TYPES = List.of("ethernet", "bridge", "bond", "vlan");
    private static final Set<String> HANDLED = Set.of("start", "mtu", "protocol", "mac", "link");

    private InterfaceXml() {
    }

    public static InterfaceDefinition parse(String xml) {
        return fromElement(XmlParser.parse(xml, "(interface_definition)", VirErrorDomain.INTERFACE, "interface"));
    }

    public static InterfaceDefinition fromElement(XmlElement root) {
        if (!"interface".equals(root.name())) {
            throw VirException.of(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                    "expecting root element of 'interface', not '%s'", root.name());
        }
        String type = root.attr("type");
        if (type == null) {
            throw VirException.of(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                    "Missing required attribute 'type' in element 'interface'");
        }
        if (!TYPES.contains(type)) {
            throw VirException.of(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                    "Invalid value for attribute 'type' in element 'interface': '%s'.", type);
        }
        String name = root.attr("name");
        if (name == null) {
            throw new VirException(VirErrorCode.XML_ERROR, VirErrorDomain.INTERFACE, "interface has no name");
        }
        int mtu = -1;
        String mtuText = root.child("mtu").map(m -> m.attr("size")).orElse(null);
        if (mtuText != null) {
            try {
                mtu = Integer.parseInt(mtuText);
            } catch (NumberFormatException e) {
                throw new VirException(VirErrorCode.XML_ERROR, VirErrorDomain.INTERFACE, "interface mtu value is improper");
            }
        }
        String mac = "ethernet".equals(type) ? root.child("mac").map(m -> m.attr("address")).orElse(null) : null;
        List<XmlElement> extras = root.children().stream().filter(c -> !HANDLED.contains(c.name())).toList();
        return new InterfaceDefinition(type, name, root.child("start").map(s -> s.attr("mode")).orElse(null), mtu,
                root.children("protocol"), mac, extras);
    }

    /** Formats as virInterfaceGetXMLDesc (the test driver takes no flags). */
    public static String format(InterfaceDefinition def) {
        XmlWriter w = new XmlWriter();
        w.open("interface", "type", def.type(), "name", def.name());
        if (def.startMode() != null) {
            w.empty("start", "mode", def.startMode());
        }
        if (def.mtu() >= 0) {
            w.empty("mtu", "size", Integer.toString(def.mtu()));
        }
        def.protocols().forEach(w::element);
        if (def.mac() != null) {
            w.empty("mac", "address", def.mac());
        }
        def.extras().forEach(w::element);
        w.close("interface");
        return w.toString();
    }
}
