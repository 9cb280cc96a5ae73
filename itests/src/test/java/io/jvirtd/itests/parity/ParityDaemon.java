package io.jvirtd.itests.parity;

import java.nio.file.Path;

/** A daemon serving {@code test:///default} on a unix socket: the real libvirtd or jvirtd. */
interface ParityDaemon extends AutoCloseable {
    /** How reports name this daemon ("libvirtd", "jvirtd"). */
    String name();

    Path socket();

    default String uri() {
        return "test+unix:///default?socket=" + socket();
    }

    @Override
    void close() throws Exception;
}
