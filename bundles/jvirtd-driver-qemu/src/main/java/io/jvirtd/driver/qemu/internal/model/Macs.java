package io.jvirtd.driver.qemu.internal.model;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/** MAC addresses: validation, and libvirt's QEMU prefix 52:54:00 for generated ones. */
final class Macs {
    private static final Pattern MAC = Pattern.compile("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Macs() {
    }

    static String parse(String mac) {
        if (!MAC.matcher(mac).matches()) {
            throw ModelErrors.xml("unable to parse mac address '" + mac + "'");
        }
        if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0) {
            throw ModelErrors.xml("expected unicast mac address, found multicast '" + mac + "'");
        }
        return mac.toLowerCase(Locale.ROOT);
    }

    static String generate() {
        return String.format("52:54:00:%02x:%02x:%02x", RANDOM.nextInt(256), RANDOM.nextInt(256), RANDOM.nextInt(256));
    }
}
