package io.jvirtd.driver.test.internal.model;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;

/**
 * UUIDs as libvirt reads and writes them: 32 hex digits, optionally split by dashes anywhere;
 * always printed lower-case 8-4-4-4-12. Generated ones are random (version 4), as the daemon's.
 */
public final class Uuids {
    private static final Random RANDOM = new SecureRandom();

    private Uuids() {
    }

    /** The UUID, or null when {@code text} is not 32 hex digits (dashes and surrounding blanks ignored). */
    public static UUID parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        String hex = text.strip().replace("-", "");
        if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    public static String format(UUID uuid) {
        return uuid.toString();
    }

    public static UUID generate() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (b[i] & 0xff);
            lo = (lo << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(hi, lo);
    }
}
