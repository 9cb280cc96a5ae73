package io.jvirtd.driver.test.internal.model;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import java.math.BigInteger;
import java.util.Locale;

/**
 * libvirt's scaled integers ({@code <memory unit='MiB'>512</memory>}): a non-negative integer
 * and a unit. Units: {@code b}, {@code byte}, {@code bytes}; {@code k m g t p e} alone or with
 * {@code iB} are powers of 1024, with {@code B} powers of 1000 (case-insensitive letter).
 * An unknown unit is {@code VIR_ERR_INVALID_ARG} "unknown suffix 'X'" in {@code VIR_FROM_NONE};
 * a value that is not an integer is {@code VIR_ERR_XML_ERROR} in {@code VIR_FROM_XML} naming
 * the XPath libvirt uses ({@code ./memory[1]}).
 */
public final class ScaledIntegers {
    private static final String POWERS = "kmgtpe";

    private ScaledIntegers() {
    }

    /** The multiplier of {@code unit}; a null or empty unit means {@code defaultScale}. */
    public static long scale(String unit, long defaultScale) {
        if (unit == null || unit.isEmpty()) {
            return defaultScale;
        }
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.equals("b") || u.equals("byte") || u.equals("bytes")) {
            return 1;
        }
        int power = POWERS.indexOf(u.charAt(0)) + 1;
        String rest = unit.substring(1);
        if (power == 0 || !(rest.isEmpty() || rest.equals("iB") || rest.equals("B"))) {
            throw VirException.of(VirErrorCode.INVALID_ARG, VirErrorDomain.NONE, "unknown suffix '%s'", unit);
        }
        return BigInteger.valueOf(rest.equals("B") ? 1000 : 1024).pow(power).longValueExact();
    }

    /**
     * The value of {@code element} in bytes times {@code defaultScale} units (bytes when the
     * element says so); {@code xpath} names the element in errors.
     */
    public static long parseBytes(XmlElement element, String xpath, long defaultScale) {
        String text = element.textContent().strip();
        long value;
        try {
            value = Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw invalidValue(text, xpath);
        }
        long scale = scale(element.attr("unit"), defaultScale);
        try {
            return Math.multiplyExact(value, scale);
        } catch (ArithmeticException e) {
            throw VirException.of(VirErrorCode.OVERFLOW, VirErrorDomain.NONE, "value too large: %s%s",
                    text, element.attr("unit") == null ? "" : element.attr("unit"));
        }
    }

    /** As {@link #parseBytes} in KiB, rounded up (libvirt's memory sizes). */
    public static long parseKiB(XmlElement element, String xpath) {
        long bytes = parseBytes(element, xpath, 1024);
        return bytes / 1024 + (bytes % 1024 == 0 ? 0 : 1);
    }

    static VirException invalidValue(String text, String xpath) {
        return VirException.of(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                "Invalid value '%s' for element or attribute '%s'", text, xpath);
    }
}
