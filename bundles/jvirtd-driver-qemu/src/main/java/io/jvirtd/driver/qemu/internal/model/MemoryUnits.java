package io.jvirtd.driver.qemu.internal.model;

import java.util.Locale;

/** libvirt's scaled integers for memory: a value and a unit, converted to KiB (rounded up). */
final class MemoryUnits {
    private MemoryUnits() {
    }

    static long toKiB(String value, String unit, String element) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ModelErrors.xml(String.format("Invalid value '%s' for element or attribute '%s'", value,
                    "./" + element + "[1]"));
        }
        if (n < 0) {
            throw ModelErrors.xml("value of '" + element + "' must be non-negative");
        }
        long bytesPer = switch (unit == null ? "kib" : unit.toLowerCase(Locale.ROOT)) {
            case "b", "bytes" -> 1L;
            case "kb" -> 1000L;
            case "k", "kib" -> 1L << 10;
            case "mb" -> 1000L * 1000;
            case "m", "mib" -> 1L << 20;
            case "gb" -> 1000L * 1000 * 1000;
            case "g", "gib" -> 1L << 30;
            case "tb" -> 1000L * 1000 * 1000 * 1000;
            case "t", "tib" -> 1L << 40;
            default -> throw ModelErrors.xml("unknown suffix '" + unit + "'");
        };
        return Math.multiplyExact(n, bytesPer) / 1024 + (Math.multiplyExact(n, bytesPer) % 1024 == 0 ? 0 : 1);
    }
}
