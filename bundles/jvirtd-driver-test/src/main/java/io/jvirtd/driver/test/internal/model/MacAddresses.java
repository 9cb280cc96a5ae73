package io.jvirtd.driver.test.internal.model;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Random;

/** MAC addresses: parsing to libvirt's lower-case colon form, and generation in 52:54:00 (QEMU's prefix). */
public final class MacAddresses {
    private static final Random RANDOM = new SecureRandom();

    private MacAddresses() {
    }

    /** The normalised address, or null when {@code text} is not six hex octets split by ':' or '-'. */
    public static String normalizeOrNull(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.strip().split("[:-]", -1);
        if (parts.length != 6) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format(Locale.ROOT, "%02x", Integer.parseInt(p, 16)));
        }
        return sb.toString();
    }

    /** A random 52:54:00:xx:xx:xx address. */
    public static String generate() {
        return String.format(Locale.ROOT, "52:54:00:%02x:%02x:%02x",
                RANDOM.nextInt(256), RANDOM.nextInt(256), RANDOM.nextInt(256));
    }

    /** True for a multicast address (low bit of the first octet), which libvirt refuses for a NIC. */
    public static boolean isMulticast(String normalized) {
        return (Integer.parseInt(normalized.substring(0, 2), 16) & 1) != 0;
    }
}
