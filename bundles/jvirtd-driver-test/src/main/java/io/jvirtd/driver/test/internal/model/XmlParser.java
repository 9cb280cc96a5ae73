package io.jvirtd.driver.test.internal.model;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML document into an {@link XmlElement} tree with StAX, reporting problems the way
 * libvirt does: a syntax error is {@code VIR_ERR_XML_DETAIL} in the caller's error domain, with
 * "SOURCE:LINE: message", the offending line and a caret; a wrong root element is
 * {@code VIR_ERR_XML_ERROR} in {@code VIR_FROM_XML}. The messages for the common syntax errors
 * follow libxml2's wording; others carry the JDK parser's text.
 */
public final class XmlParser {
    private static final XMLInputFactory FACTORY = newFactory();

    private XmlParser() {
    }

    /**
     * Parses {@code xml}; {@code source} names it in syntax errors ("(domain_definition)" or a
     * file path); {@code expectedRoot} is checked when not null.
     */
    public static XmlElement parse(String xml, String source, VirErrorDomain errorDomain, String expectedRoot) {
        XmlElement root = parseTree(xml, source, errorDomain);
        if (expectedRoot != null && !expectedRoot.equals(root.name())) {
            throw VirException.of(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                    "expecting root element of '%s', not '%s'", expectedRoot, root.name());
        }
        return root;
    }

    private static XmlElement parseTree(String xml, String source, VirErrorDomain errorDomain) {
        String trimmed = xml.strip();
        if (trimmed.isEmpty()) {
            throw syntax(source, errorDomain, 1, "Document is empty", "(null)", 0);
        }
        if (trimmed.charAt(0) != '<') {
            int line = 1 + (int) xml.substring(0, xml.indexOf(trimmed.charAt(0))).chars().filter(c -> c == '\n').count();
            throw syntax(source, errorDomain, line, "Start tag expected, '<' not found", lineOf(xml, line), 0);
        }
        Deque<Builder> stack = new ArrayDeque<>();
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new StringReader(xml));
            XmlElement root = null;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attrs.put(qname(r.getAttributePrefix(i), r.getAttributeLocalName(i)), r.getAttributeValue(i));
                        }
                        stack.push(new Builder(qname(r.getPrefix(), r.getLocalName()), attrs, r.getLocation().getLineNumber()));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            stack.peek().text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlElement e = stack.pop().build();
                        if (stack.isEmpty()) {
                            root = e;
                        } else {
                            stack.peek().children.add(e);
                        }
                    }
                    default -> {
                        // comments, processing instructions: not part of a definition
                    }
                }
            }
            return root;
        } catch (XMLStreamException e) {
            int line = e.getLocation() != null ? Math.max(1, e.getLocation().getLineNumber()) : 1;
            String msg = e.getMessage();
            if (!stack.isEmpty() && (msg.contains("end of file") || msg.contains("XML document structures must start and end"))) {
                Builder open = stack.peek();
                // libxml2 reports the position after the last character: past a final newline that is
                // an empty line, which it shows as "(null)"
                int lastLine = (int) xml.chars().filter(c -> c == '\n').count() + 1;
                String text = xml.endsWith("\n") ? "(null)" : lineOf(xml, lastLine);
                throw syntax(source, errorDomain, lastLine, "Premature end of data in tag " + open.name + " line "
                        + open.line, text, xml.endsWith("\n") ? 0 : text.length());
            }
            int col = e.getLocation() != null ? Math.max(0, e.getLocation().getColumnNumber() - 1) : 0;
            String detail = msg.replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
            throw syntax(source, errorDomain, line, detail, lineOf(xml, line), col);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held beyond the string
                }
            }
        }
    }

    private static VirException syntax(String source, VirErrorDomain domain, int line, String msg, String text, int col) {
        String caret = "-".repeat(Math.min(col, text.length())) + "^";
        return new VirException(VirErrorCode.XML_DETAIL, domain, source + ":" + line + ": " + msg + "\n" + text + "\n" + caret);
    }

    private static String lineOf(String xml, int line) {
        String[] lines = xml.split("\n", -1);
        return line - 1 < lines.length ? lines[line - 1] : "";
    }

    private static String qname(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    private static final class Builder {
        final String name;
        final Map<String, String> attrs;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Builder(String name, Map<String, String> attrs, int line) {
            this.name = name;
            this.attrs = attrs;
            this.line = line;
        }

        XmlElement build() {
            String t = children.isEmpty() && !text.isEmpty() ? text.toString() : null;
            return new XmlElement(name, attrs, t, children);
        }
    }
}
