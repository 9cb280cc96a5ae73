package io.jvirtd.driver.test.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.function.Executable;

/** Outputs captured from libvirt 9.0's libvirtd (test:///default) and helpers to compare with them. */
final class Golden {
    private Golden() {
    }

    static String read(String name) {
        try (InputStream in = Golden.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String golden(String name) {
        return read("golden/" + name);
    }

    /** Replaces what the daemon generates at random (top-level uuid, 52:54:00 MACs) on both sides. */
    static String normalise(String xml) {
        return xml.replaceFirst("(?m)^  <uuid>[0-9a-f-]{36}</uuid>$", "  <uuid>UUID</uuid>")
                .replaceAll("52:54:00(:[0-9a-f]{2}){3}", "52:54:00:MAC");
    }

    static void assertSameModuloGenerated(String expected, String actual) {
        assertEquals(normalise(expected), normalise(actual));
    }

    static void assertError(VirErrorCode code, VirErrorDomain domain, String message, Executable call) {
        VirException e = assertThrows(VirException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(domain, e.domain(), e.getMessage());
        assertEquals(message, e.getMessage());
    }
}
