package io.jvirtd.driver.qemu.internal.model;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A DOM element that remembers which of its attributes and child elements the parser read. After
 * parsing, {@link #requireAllRead()} refuses whatever was not read with
 * {@code VIR_ERR_CONFIG_UNSUPPORTED} naming it, so nothing outside the supported subset is ever
 * dropped silently. Not thread-safe; lives for one parse.
 */
final class XmlNode {
    private final Element element; // immutable
    private final String path; // immutable, e.g. /domain/devices/disk
    private final Set<String> readAttributes = new HashSet<>();
    private final List<XmlNode> children = new ArrayList<>();
    private final Set<XmlNode> readChildren = new HashSet<>();

    private XmlNode(Element element, String parentPath) {
        this.element = element;
        this.path = parentPath + "/" + element.getTagName();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(new XmlNode(e, path));
            }
        }
    }

    /** Parses a document; malformed XML is {@code VIR_ERR_XML_ERROR} with the parser's reason. */
    static XmlNode parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new VirException(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                    "(domain_definition):1: Document is empty");
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Element root = b.parse(new InputSource(new StringReader(xml))).getDocumentElement();
            return new XmlNode(root, "");
        } catch (SAXParseException e) {
            throw new VirException(VirErrorCode.XML_ERROR, VirErrorDomain.XML, String.format(
                    "(domain_definition):%d: %s", e.getLineNumber(), e.getMessage()), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new VirException(VirErrorCode.XML_ERROR, VirErrorDomain.XML, "(domain_definition): "
                    + e.getMessage(), e);
        }
    }

    String name() {
        return element.getTagName();
    }

    String path() {
        return path;
    }

    /** The attribute's value, marking it read; empty when absent. */
    Optional<String> attr(String name) {
        readAttributes.add(name);
        return element.hasAttribute(name) ? Optional.of(element.getAttribute(name)) : Optional.empty();
    }

    /** The trimmed text content. */
    String text() {
        return element.getTextContent().trim();
    }

    /** The first child named {@code name}, marking it read. */
    Optional<XmlNode> child(String name) {
        for (XmlNode c : children) {
            if (c.name().equals(name)) {
                readChildren.add(c);
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The trimmed text of the first child named {@code name}, marking it read. */
    Optional<String> childText(String name) {
        return child(name).map(XmlNode::text);
    }

    /** Every child named {@code name}, in document order, marking them read. */
    List<XmlNode> children(String name) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name().equals(name)) {
                readChildren.add(c);
                out.add(c);
            }
        }
        return out;
    }

    /** Refuses the first attribute or element of this subtree the parser did not read. */
    void requireAllRead() {
        NamedNodeMap attrs = element.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String n = a.getName();
            if (!readAttributes.contains(n) && !n.startsWith("xmlns")) {
                throw ModelErrors.unsupported(String.format("attribute '%s' of element <%s> (%s) is not supported "
                        + "by the QEMU driver", n, name(), path));
            }
        }
        for (XmlNode c : children) {
            if (!readChildren.contains(c)) {
                throw ModelErrors.unsupported(String.format("element <%s> (%s) is not supported by the QEMU driver",
                        c.name(), c.path));
            }
            c.requireAllRead();
        }
    }
}
