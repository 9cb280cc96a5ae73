package io.jvirtd.itests.fakedriver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds a real bundle jar that registers a {@code Driver} service, from the compiled classes of
 * this package: a stand-in for a driver bundle dropped into a running daemon.
 */
public final class FakeDriverBundle {
    public static final String SYMBOLIC_NAME = "io.jvirtd.itests.fakedriver";
    public static final String NAME = "Fake";
    public static final String SCHEME = "fake";

    private static final List<Class<?>> CLASSES = List.of(FakeDriverActivator.class, FakeDriver.class,
            FakeConnection.class, FakeDriverBundle.class);

    private FakeDriverBundle() {
    }

    /** The bundle as bytes. */
    public static byte[] bytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out);
        return out.toByteArray();
    }

    /** Writes the bundle to {@code file}. */
    public static Path writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        }
        return file;
    }

    private static void write(OutputStream target) throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Activator", FakeDriverActivator.class.getName());
        a.putValue("Import-Package", "io.jvirtd.api.driver;version=\"[1.1,2)\",io.jvirtd.api.error;version=\"[1.0,2)\","
                + "org.osgi.framework;version=\"[1.8,2)\"");
        try (JarOutputStream jar = new JarOutputStream(target, manifest)) {
            for (Class<?> c : CLASSES) {
                String entry = c.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                    if (in == null) {
                        throw new IOException("class file not found: " + entry);
                    }
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
    }
}
