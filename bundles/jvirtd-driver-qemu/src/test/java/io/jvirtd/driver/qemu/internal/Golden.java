package io.jvirtd.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources}: {@link #check} compares a produced text with the
 * stored one. Run with {@code -Dgolden.update=true} to (re)write them after a deliberate change,
 * then review the diff.
 */
public final class Golden {
    private Golden() {
    }

    /** The text of a test resource next to {@code anchor}'s package. */
    public static String read(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void check(Class<?> anchor, String name, String actual) {
        if (Boolean.getBoolean("golden.update")) {
            Path file = Path.of("src/test/resources", anchor.getPackageName().replace('.', '/'), name);
            try {
                Files.writeString(file, actual);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        String expected = read(anchor, name);
        assertEquals(expected, actual, "golden file " + name + " (rerun with -Dgolden.update=true to rewrite)");
    }
}
