package io.jvirtd.driver.test.internal.model;

import static io.jvirtd.driver.test.internal.model.Golden.assertError;
import static io.jvirtd.driver.test.internal.model.Golden.assertSameModuloGenerated;
import static io.jvirtd.driver.test.internal.model.Golden.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialStateTest {

    @Test
    void defaultStateMatchesDaemon() {
        InitialState s = InitialState.defaultState();
        InitialState.DomainEntry test = s.domains().get(0);
        assertEquals(1, s.domains().size());
        assertEquals(1, test.id());
        assertEquals(1, test.state());
        assertEquals(0, test.reason());
        assertTrue(test.persistent());
        assertEquals(2, s.nextDomainId());
        assertTrue(s.networks().get(0).active() && s.networks().get(0).persistent());
        assertFalse(s.networks().get(0).autostart());
        assertEquals(List.of(), s.pools().get(0).volumes());
        assertEquals(List.of("computer", "scsi_host1", "scsi_host2", "scsi_host11"),
                s.nodeDevices().stream().map(NodeDeviceDefinition::name).toList());
        assertEquals(golden("capabilities.xml"), s.host().capabilitiesXml());
        assertEquals(golden("sysinfo.xml"), s.host().sysinfoXml());
        HostDescription h = s.host();
        assertEquals(List.of("i686", 3072L, 16, 1400, 2, 2, 2, 2), List.of(h.model(), h.memoryKiB() / 1024, h.cpus(),
                h.mhz(), h.nodes(), h.sockets(), h.cores(), h.threads()));
    }

    @Test
    void loadsFileWithInlineAndReferencedObjects(@TempDir Path dir) throws IOException {
        Path node = copyCustom(dir);
        InitialState s = InitialState.load(node);
        HostDescription h = s.host();
        assertEquals(List.of("x86_64", 4096L, 3, 2000, 1, 1, 2, 2), List.of(h.model(), h.memoryKiB() / 1024, h.cpus(),
                h.mhz(), h.nodes(), h.sockets(), h.cores(), h.threads()));
        assertEquals(golden("custom-capabilities.xml"), h.capabilitiesXml());
        assertEquals(List.of("inline1:-1:5", "fromfile:1:1", "paused:2:3"), s.domains().stream()
                .map(d -> d.definition().name() + ":" + d.id() + ":" + d.state()).toList());
        for (InitialState.DomainEntry d : s.domains()) {
            assertSameModuloGenerated(golden("custom-dom-" + d.definition().name() + ".xml"),
                    DomainXml.format(d.definition(), d.id(), 0));
        }
        assertEquals(golden("custom-net-net1.xml"), NetworkXml.format(s.networks().get(0).definition()));
        InitialState.PoolEntry pool = s.pools().get(0);
        assertEquals(golden("custom-pool-pool1.xml"), PoolXml.format(pool.definition()));
        for (StorageVolumeDefinition v : pool.volumes()) {
            assertEquals(golden("custom-vol-" + v.name() + ".xml"), VolumeXml.format(v));
        }
        assertEquals(golden("custom-if-eth7.xml"), InterfaceXml.format(s.interfaces().get(0).definition()));
        assertEquals(golden("custom-dev-computer.xml"), NodeDeviceXml.format(s.nodeDevices().get(0)));
        assertEquals(3, s.nextDomainId());
    }

    /** Each case as `virsh -c 'test+unix:///PATH?socket=…'` against the real daemon reported it. */
    @Test
    void rejectsBadFilesLikeDaemon(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.xml");
        assertError(VirErrorCode.XML_ERROR, VirErrorDomain.TEST,
                "XML error: failed to parse xml document '" + missing + "'", () -> InitialState.load(missing));
        Path bad = write(dir, "bad.xml", "not xml\n");
        assertError(VirErrorCode.XML_DETAIL, VirErrorDomain.TEST,
                bad + ":1: Start tag expected, '<' not found\nnot xml\n^", () -> InitialState.load(bad));
        Path root = write(dir, "root.xml", "<nodes/>\n");
        assertError(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                "XML error: expecting root element of 'node', not 'nodes'", () -> InitialState.load(root));
        Path mhz = write(dir, "mhz.xml", "<node><cpu><mhz>abc</mhz></cpu></node>\n");
        assertError(VirErrorCode.XML_ERROR, VirErrorDomain.TEST, "XML error: invalid node cpu mhz value",
                () -> InitialState.load(mhz));
        Path ref = write(dir, "ref.xml", "<node><domain file='nope.xml'/></node>\n");
        assertError(VirErrorCode.XML_ERROR, VirErrorDomain.TEST,
                "XML error: failed to parse xml document '" + dir.resolve("nope.xml") + "'",
                () -> InitialState.load(ref));
        Path badDom = write(dir, "baddom.xml", "<node><domain type='test'><name>x</name></domain></node>\n");
        assertError(VirErrorCode.XML_ERROR, VirErrorDomain.DOMAIN, "XML error: an os <type> must be specified",
                () -> InitialState.load(badDom));
    }

    private static Path copyCustom(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        for (String f : List.of("node.xml", "dom2.xml", "vol2.xml", "sub/net1.xml")) {
            Files.writeString(dir.resolve(f), Golden.read("custom/" + f));
        }
        return dir.resolve("node.xml");
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
