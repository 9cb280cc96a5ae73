package io.jvirtd.driver.test.internal.model;

/**
 * A storage {@code <permissions>} block; each field null when not given. Immutable.
 *
 * @param mode octal text as given (0711)
 */
public record Permissions(String mode, String owner, String group, String label) {

    static Permissions fromElement(XmlElement e) {
        return e == null ? null : new Permissions(e.childText("mode"), e.childText("owner"), e.childText("group"),
                e.childText("label"));
    }

    void format(XmlWriter w) {
        w.open("permissions");
        w.text("mode", mode);
        w.text("owner", owner);
        w.text("group", group);
        w.text("label", label);
        w.close("permissions");
    }
}
