package io.jvirtd.driver.qemu.internal.model;

/**
 * Writes XML in libvirt's layout: two spaces per level, single-quoted attributes, {@code <x/>} for
 * empty elements, one element per line. Attributes are name/value pairs; a null value is left out.
 * Not thread-safe.
 */
final class XmlOut {
    private final StringBuilder out = new StringBuilder();
    private int depth;

    XmlOut start(String name, String... attrs) {
        tag(name, attrs).append(">\n");
        depth++;
        return this;
    }

    XmlOut end(String name) {
        depth--;
        pad().append("</").append(name).append(">\n");
        return this;
    }

    XmlOut empty(String name, String... attrs) {
        tag(name, attrs).append("/>\n");
        return this;
    }

    /** {@code <name>text</name>}, nothing when {@code text} is null. */
    XmlOut text(String name, String text, String... attrs) {
        if (text != null) {
            tag(name, attrs).append('>').append(escape(text, false)).append("</").append(name).append(">\n");
        }
        return this;
    }

    private StringBuilder tag(String name, String... attrs) {
        pad().append('<').append(name);
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                out.append(' ').append(attrs[i]).append("='").append(escape(attrs[i + 1], true)).append('\'');
            }
        }
        return out;
    }

    private StringBuilder pad() {
        return out.append("  ".repeat(depth));
    }

    static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\'' -> b.append(attribute ? "&apos;" : "'");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
