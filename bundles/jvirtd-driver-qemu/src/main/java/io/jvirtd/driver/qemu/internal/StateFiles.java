package io.jvirtd.driver.qemu.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

/**
 * The driver's files under the state directory: {@code config/NAME.xml} (persistent definitions),
 * {@code run/NAME.xml} (status of running guests), {@code run/NAME.qmp} and {@code run/NAME.pid},
 * {@code log/NAME.log}, and {@code autostart/NAME.xml} (a link to the config, as libvirt keeps it).
 * Every write goes to a temporary file that is then moved over the old one atomically, so a crash
 * leaves the old file or the new one, never half of one. Callers hold no lock while they call
 * these methods (file I/O). Immutable.
 */
final class StateFiles {
    private final Path config; // immutable
    private final Path run; // immutable
    private final Path log; // immutable
    private final Path autostart; // immutable

    StateFiles(Path stateDir) {
        this.config = stateDir.resolve("config");
        this.run = stateDir.resolve("run");
        this.log = stateDir.resolve("log");
        this.autostart = stateDir.resolve("autostart");
        try {
            for (Path p : List.of(config, run, log, autostart)) {
                Files.createDirectories(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the QEMU driver's state directories under " + stateDir, e);
        }
    }

    Path configFile(String name) {
        return config.resolve(name + ".xml");
    }

    Path statusFile(String name) {
        return run.resolve(name + ".xml");
    }

    Path monitorSocket(String name) {
        return run.resolve(name + ".qmp");
    }

    Path pidFile(String name) {
        return run.resolve(name + ".pid");
    }

    Path logFile(String name) {
        return log.resolve(name + ".log");
    }

    Path autostartLink(String name) {
        return autostart.resolve(name + ".xml");
    }

    List<Path> configFiles() {
        return xmlFiles(config);
    }

    List<Path> statusFiles() {
        return xmlFiles(run);
    }

    boolean autostart(String name) {
        return Files.isSymbolicLink(autostartLink(name)) || Files.exists(autostartLink(name));
    }

    void setAutostart(String name, boolean on) {
        Path link = autostartLink(name);
        try {
            Files.deleteIfExists(link);
            if (on) {
                Files.createSymbolicLink(link, link.getParent().relativize(configFile(name)));
            }
        } catch (IOException e) {
            throw failed("cannot change the autostart link " + link, e);
        }
    }

    /** Writes {@code text} to {@code file} atomically (temporary file, then an atomic move). */
    static void writeAtomically(Path file, String text) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".new");
        try {
            Files.writeString(tmp, text);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the first error is the one to report
            }
            throw failed("cannot write " + file, e);
        }
    }

    static void delete(Path... files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                throw failed("cannot remove " + f, e);
            }
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw failed("cannot read " + file, e);
        }
    }

    private static List<Path> xmlFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            s.filter(p -> p.getFileName().toString().endsWith(".xml") && !p.getFileName().toString().startsWith("."))
                    .sorted().forEach(out::add);
            return out;
        } catch (IOException e) {
            throw failed("cannot list " + dir, e);
        }
    }

    private static VirException failed(String what, IOException e) {
        return new VirException(VirErrorCode.SYSTEM_ERROR, VirErrorDomain.QEMU, what + ": " + e.getMessage(), e);
    }
}
