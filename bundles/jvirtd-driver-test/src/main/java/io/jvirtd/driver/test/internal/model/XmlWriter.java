package io.jvirtd.driver.test.internal.model;

import java.util.Map;

/**
 * Writes XML the way libvirt's formatters do: two spaces per level, attributes in single quotes,
 * empty elements as {@code <x/>}, one element per line, a final newline. Not thread-safe.
 */
public final class XmlWriter {
    private final StringBuilder out = new StringBuilder();
    private int depth;

    /** Starts an element that will have children: {@code <name a='v'>}. */
    public XmlWriter open(String name, String... attrs) {
        indent().append('<').append(name);
        attributes(attrs).append(">\n");
        depth++;
        return this;
    }

    public XmlWriter close(String name) {
        depth--;
        indent().append("</").append(name).append(">\n");
        return this;
    }

    /** An empty element {@code <name a='v'/>}; attributes given as name/value pairs, null values skipped. */
    public XmlWriter empty(String name, String... attrs) {
        indent().append('<').append(name);
        attributes(attrs).append("/>\n");
        return this;
    }

    /** {@code <name a='v'>text</name>}; nothing when text is null. */
    public XmlWriter text(String name, String text, String... attrs) {
        if (text == null) {
            return this;
        }
        indent().append('<').append(name);
        attributes(attrs).append('>').append(escape(text, false)).append("</").append(name).append(">\n");
        return this;
    }

    /** An element kept as parsed, with its subtree. */
    public XmlWriter element(XmlElement e) {
        indent().append('<').append(e.name());
        for (Map.Entry<String, String> a : e.attributes().entrySet()) {
            out.append(' ').append(a.getKey()).append("='").append(escape(a.getValue(), true)).append('\'');
        }
        if (!e.children().isEmpty()) {
            out.append(">\n");
            depth++;
            e.children().forEach(this::element);
            depth--;
            indent().append("</").append(e.name()).append(">\n");
        } else if (e.text() != null) {
            out.append('>').append(escape(e.text(), false)).append("</").append(e.name()).append(">\n");
        } else {
            out.append("/>\n");
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private StringBuilder indent() {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
        return out;
    }

    private StringBuilder attributes(String... attrs) {
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                out.append(' ').append(attrs[i]).append("='").append(escape(attrs[i + 1], true)).append('\'');
            }
        }
        return out;
    }

    static String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\'' -> sb.append(attribute ? "&apos;" : "'");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
