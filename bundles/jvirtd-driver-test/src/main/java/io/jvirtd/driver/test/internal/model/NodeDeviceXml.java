package io.jvirtd.driver.test.internal.model;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

/**
 * Node device XML ({@code <device>}) to {@link NodeDeviceDefinition} and back, as libvirt 9.0
 * prints it: a system capability always shows {@code <firmware>}; {@code vport_ops} counts come
 * from the host, not the XML, so the test driver shows 0 for both.
 */
public final class NodeDeviceXml {

    private NodeDeviceXml() {
    }

    public static NodeDeviceDefinition parse(String xml) {
        return fromElement(XmlParser.parse(xml, "(node_device_definition)", VirErrorDomain.NODEDEV, "device"));
    }

    public static NodeDeviceDefinition fromElement(XmlElement root) {
        if (!"device".equals(root.name())) {
            throw VirException.of(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                    "expecting root element of 'device', not '%s'", root.name());
        }
        String name = root.childText("name");
        if (name == null || name.isEmpty()) {
            throw new VirException(VirErrorCode.NO_NAME, VirErrorDomain.NODEDEV, null);
        }
        if (root.children("capability").isEmpty()) {
            throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.NODEDEV,
                    "no device capabilities for '" + name + "'");
        }
        for (XmlElement cap : root.children("capability")) {
            if ("system".equals(cap.attr("type"))) {
                String uuid = cap.child("hardware").map(h -> h.childText("uuid")).orElse(null);
                if (uuid == null) {
                    throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.NODEDEV,
                            "no system UUID supplied for '" + name + "'");
                }
                if (Uuids.parseOrNull(uuid) == null) {
                    throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.NODEDEV,
                            "malformed uuid element for '" + name + "'");
                }
            }
        }
        return new NodeDeviceDefinition(name, root.childText("parent"), root.children("capability"));
    }

    /** Formats as virNodeDeviceGetXMLDesc. */
    public static String format(NodeDeviceDefinition def) {
        XmlWriter w = new XmlWriter();
        w.open("device");
        w.text("name", def.name());
        w.text("parent", def.parent());
        for (XmlElement cap : def.capabilities()) {
            if ("system".equals(cap.attr("type"))) {
                formatSystem(w, cap);
            } else {
                w.element(zeroVports(cap));
            }
        }
        w.close("device");
        return w.toString();
    }

    private static void formatSystem(XmlWriter w, XmlElement cap) {
        w.open("capability", "type", "system");
        w.text("product", cap.childText("product"));
        XmlElement hw = cap.child("hardware").orElse(XmlElement.of("hardware"));
        w.open("hardware");
        w.text("vendor", hw.childText("vendor"));
        w.text("version", hw.childText("version"));
        w.text("serial", hw.childText("serial"));
        w.text("uuid", Uuids.format(Uuids.parseOrNull(hw.childText("uuid"))));
        w.close("hardware");
        XmlElement fw = cap.child("firmware").orElse(XmlElement.of("firmware"));
        w.open("firmware");
        w.text("vendor", fw.childText("vendor"));
        w.text("version", fw.childText("version"));
        w.text("release_date", fw.childText("release_date"));
        w.close("firmware");
        w.close("capability");
    }

    private static XmlElement zeroVports(XmlElement cap) {
        if ("vport_ops".equals(cap.attr("type"))) {
            return cap.withChildren(java.util.List.of(XmlElement.ofText("max_vports", "0"),
                    XmlElement.ofText("vports", "0")));
        }
        if (cap.children().isEmpty()) {
            return cap;
        }
        return cap.withChildren(cap.children().stream().map(NodeDeviceXml::zeroVports).toList());
    }
}
