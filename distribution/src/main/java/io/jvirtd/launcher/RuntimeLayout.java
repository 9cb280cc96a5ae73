package io.jvirtd.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folders of an installed jvirtd ({@code bin etc lib bundle deploy data}) and the properties
 * read from {@code etc/config.properties}, with {@code ${name}} replaced by system properties
 * (notably {@code jvirtd.home}) or earlier entries. Immutable.
 */
final class RuntimeLayout {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private final Path home;

    RuntimeLayout(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    Path home() {
        return home;
    }

    Path etc() {
        return home.resolve("etc");
    }

    Path bundles() {
        return home.resolve("bundle");
    }

    Path data() {
        return home.resolve("data");
    }

    /** Felix configuration: etc/config.properties with placeholders resolved. */
    Map<String, String> frameworkProperties() throws IOException {
        Properties raw = load(etc().resolve("config.properties"));
        Map<String, String> resolved = new LinkedHashMap<>();
        for (String key : raw.stringPropertyNames()) {
            resolved.put(key, substitute(raw.getProperty(key), raw));
        }
        return resolved;
    }

    /** etc/startup.properties: bundle file name → start level, in file order of levels. */
    Map<String, Integer> startLevels() throws IOException {
        Properties raw = load(etc().resolve("startup.properties"));
        Map<String, Integer> levels = new HashMap<>();
        for (String name : raw.stringPropertyNames()) {
            String value = raw.getProperty(name).trim();
            try {
                levels.put(name, Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new IOException("etc/startup.properties: start level of " + name + " is not a number: " + value);
            }
        }
        return levels;
    }

    private String substitute(String value, Properties raw) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = System.getProperty(name, raw.getProperty(name));
            if (replacement == null) {
                replacement = m.group();
            } else if (!replacement.equals(value)) {
                replacement = substitute(replacement, raw);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }
}
