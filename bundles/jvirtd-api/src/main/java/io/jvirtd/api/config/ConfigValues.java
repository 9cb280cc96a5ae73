package io.jvirtd.api.config;

import java.util.Map;

/**
 * Reads typed values out of a ConfigAdmin dictionary. Values may arrive as numbers, booleans or
 * strings (FileInstall delivers strings from .cfg files). A value that cannot be read throws
 * {@link IllegalArgumentException} naming the key, the value and what was expected, so the caller
 * can log it and keep the old configuration.
 */
public final class ConfigValues {

    private final String pid;
    private final Map<String, ?> properties;

    public ConfigValues(String pid, Map<String, ?> properties) {
        this.pid = pid;
        this.properties = properties == null ? Map.of() : properties;
    }

    /** An int in [min, max], or {@code fallback} when the key is absent. */
    public int intValue(String key, int fallback, int min, int max) {
        Object raw = properties.get(key);
        if (raw == null) {
            return fallback;
        }
        long value;
        if (raw instanceof Number n) {
            value = n.longValue();
        } else {
            try {
                value = Long.parseLong(raw.toString().trim());
            } catch (NumberFormatException e) {
                throw invalid(key, raw, "an integer");
            }
        }
        if (value < min || value > max) {
            throw invalid(key, raw, "an integer between " + min + " and " + max);
        }
        return (int) value;
    }

    /** A non-blank string, or {@code fallback} when the key is absent or blank. */
    public String stringValue(String key, String fallback) {
        Object raw = properties.get(key);
        return raw == null || raw.toString().isBlank() ? fallback : raw.toString().trim();
    }

    /** A string matching {@code pattern}, or {@code fallback} when absent; {@code expected} describes the rule. */
    public String matching(String key, String fallback, String pattern, String expected) {
        String value = stringValue(key, fallback);
        if (!value.matches(pattern)) {
            throw invalid(key, value, expected);
        }
        return value;
    }

    /** A boolean ({@code true}/{@code false}/{@code 1}/{@code 0}), or {@code fallback} when absent. */
    public boolean booleanValue(String key, boolean fallback) {
        Object raw = properties.get(key);
        if (raw == null) {
            return fallback;
        }
        if (raw instanceof Boolean b) {
            return b;
        }
        String s = raw.toString().trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw invalid(key, raw, "true or false");
        };
    }

    private IllegalArgumentException invalid(String key, Object raw, String expected) {
        return new IllegalArgumentException(
                "invalid value '" + raw + "' for " + key + " in " + pid + ": expected " + expected);
    }
}
