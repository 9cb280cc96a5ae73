package io.jvirtd.itests.parity;

/**
 * Which daemons a parity test compares. The expected side is always the real libvirtd; the actual
 * side is jvirtd, or with {@code -Dparity.selftest=true} a second real libvirtd, which proves that the
 * harness and its normalisation are stable (every difference then is a harness bug).
 */
final class ParityDaemons {
    private ParityDaemons() {
    }

    static boolean selfTest() {
        return Boolean.getBoolean("parity.selftest");
    }

    static ParityDaemon startExpected() throws Exception {
        return ReferenceDaemon.start("libvirtd");
    }

    static ParityDaemon startActual() throws Exception {
        return selfTest() ? ReferenceDaemon.start("libvirtd#2") : JvirtdDaemon.start();
    }
}
