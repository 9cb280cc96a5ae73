package io.jvirtd.itests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** The assembled distribution under test: its folder, bundle jars and their start levels. */
final class DistributionBundles {
    private final Path home;
    private final Properties startLevels = new Properties();

    DistributionBundles() throws IOException {
        String configured = System.getProperty("jvirtd.distribution");
        if (configured == null) {
            throw new IllegalStateException("system property jvirtd.distribution is not set (run through failsafe)");
        }
        home = Path.of(configured).toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(home.resolve("etc/startup.properties"))) {
            startLevels.load(in);
        }
    }

    Path home() {
        return home;
    }

    List<Path> jars() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("bundle"))) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** Copies a folder tree, keeping file attributes (bin/ stays executable). */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    int startLevel(Path jar) {
        String level = startLevels.getProperty(jar.getFileName().toString());
        if (level == null) {
            throw new IllegalStateException(jar + " has no start level in etc/startup.properties");
        }
        return Integer.parseInt(level.trim());
    }
}
