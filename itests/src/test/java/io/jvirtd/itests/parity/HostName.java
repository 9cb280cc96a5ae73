package io.jvirtd.itests.parity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kernel's host name, as gethostname(2) returns it to both daemons. */
final class HostName {
    private HostName() {
    }

    static String get() throws IOException {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    }
}
