package io.jvirtd.driver.test.internal;

import static io.jvirtd.driver.test.internal.DriverFixture.assertVirError;
import static io.jvirtd.driver.test.internal.DriverFixture.domainXml;
import static io.jvirtd.driver.test.internal.DriverFixture.names;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Per-URI states: shared by the connections of a URI, discarded with the last one, refused for bad URIs. */
@Timeout(20)
class TestStatesTest {
    private final DriverFixture fx = new DriverFixture();

    @Test
    void connectionsToDefaultShareOneState() {
        DriverConnection a = fx.openDefault();
        DriverConnection b = fx.open("test:///default");
        a.domains().define(domainXml("shared", UUID.randomUUID()), 0);
        assertEquals(List.of("shared", "test"), names(b.domains().listAll(0)));
        a.close();
        assertEquals(List.of("shared", "test"), names(b.domains().listAll(0)), "one close keeps the state");
        b.close();
    }

    @Test
    void closingTheLastConnectionDiscardsTheState() {
        DriverConnection a = fx.openDefault();
        DriverConnection b = fx.openDefault();
        a.domains().create(a.domains().define(domainXml("gone", UUID.randomUUID()), 0), 0);
        a.domains().destroy(a.domains().lookupByName("test"), 0);
        a.close();
        b.close();

        DriverConnection c = fx.openDefault();
        try {
            assertEquals(List.of("test"), names(c.domains().listAll(0)), "pristine default state");
            assertEquals(1, c.domains().lookupByName("test").id());
            assertEquals(2, c.domains().create(c.domains().define(domainXml("x", UUID.randomUUID()), 0), 0).id(),
                    "the id counter starts again");
        } finally {
            c.close();
        }
    }

    @Test
    void aFileUriLoadsItsOwnSeparateState(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("node.xml");
        Files.writeString(file, "<node>" + domainXml("fromfile", UUID.randomUUID())
                + "<network><name>net1</name><bridge name='br1'/></network></node>");
        DriverConnection f = fx.open("test://" + file);
        DriverConnection d = fx.openDefault();
        try {
            assertEquals("test://" + file, f.uri());
            assertEquals(List.of("fromfile"), names(f.domains().listAll(0)));
            assertEquals(1, f.domains().lookupByName("fromfile").id(), "file domains start running, ids from 1");
            assertEquals(List.of("test"), names(d.domains().listAll(0)));
            f.domains().define(domainXml("onlyinfile", UUID.randomUUID()), 0);
            assertEquals(List.of("test"), names(d.domains().listAll(0)));
            assertEquals("br1", f.networks().bridgeName(f.networks().lookupByName("net1")));
        } finally {
            f.close();
            d.close();
        }
    }

    @Test
    void badUrisAreRefusedWithLibvirtsError(@TempDir Path dir) {
        String supply = "invalid argument: testOpen: supply a path or use test:///default";
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST, supply, () -> fx.open("test:///"));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST, supply, () -> fx.open("test://host/x"));
        Path missing = dir.resolve("missing.xml");
        assertVirError(VirErrorCode.XML_ERROR, VirErrorDomain.TEST, "XML error: failed to parse xml document '"
                + missing + "'", () -> fx.open("test://" + missing));

        DriverConnection ok = fx.openDefault();
        try {
            assertEquals(List.of("test"), names(ok.domains().listAll(0)), "a failed open leaves no state behind");
        } finally {
            ok.close();
        }
    }

    @Test
    void aFileWithTheWrongRootIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.xml");
        Files.writeString(file, "<domain/>");
        assertVirError(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                "XML error: expecting root element of 'node', not 'domain'", () -> fx.open("test://" + file));
    }
}
