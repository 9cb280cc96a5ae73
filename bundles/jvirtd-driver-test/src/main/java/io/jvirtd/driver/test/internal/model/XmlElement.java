package io.jvirtd.driver.test.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An XML element kept as parsed: name (with its prefix, if any), attributes in document order,
 * text (null when the element has children or is empty) and child elements. Used to read
 * definitions and to echo back elements the model does not interpret. Immutable.
 */
public record XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children) {

    public XmlElement {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
    }

    public static XmlElement of(String name) {
        return new XmlElement(name, Map.of(), null, List.of());
    }

    public static XmlElement ofText(String name, String text) {
        return new XmlElement(name, Map.of(), text, List.of());
    }

    /** A copy with one more attribute (or that attribute replaced, keeping its position). */
    public XmlElement withAttribute(String attrName, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.put(attrName, value);
        return new XmlElement(name, copy, text, children);
    }

    public XmlElement withChildren(List<XmlElement> newChildren) {
        return new XmlElement(name, attributes, newChildren.isEmpty() ? text : null, newChildren);
    }

    public XmlElement withChild(XmlElement child) {
        List<XmlElement> copy = new ArrayList<>(children);
        copy.add(child);
        return withChildren(copy);
    }

    /** The attribute's value, or null. */
    public String attr(String attrName) {
        return attributes.get(attrName);
    }

    /** The first child of that name. */
    public Optional<XmlElement> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    public List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The text of the first child of that name, trimmed, or null when absent. */
    public String childText(String childName) {
        return child(childName).map(XmlElement::textContent).map(String::trim).orElse(null);
    }

    /** The concatenated text of this element and its descendants (as XPath string()). */
    public String textContent() {
        if (children.isEmpty()) {
            return text == null ? "" : text;
        }
        StringBuilder sb = new StringBuilder();
        if (text != null) {
            sb.append(text);
        }
        children.forEach(c -> sb.append(c.textContent()));
        return sb.toString();
    }
}
