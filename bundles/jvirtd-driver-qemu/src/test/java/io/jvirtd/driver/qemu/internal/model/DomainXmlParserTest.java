package io.jvirtd.driver.qemu.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.driver.qemu.internal.Golden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The domain XML subset: parse, format (inactive and live), round trip, and refusals that name the culprit. */
class DomainXmlParserTest {
    private static final String MIN = "<domain type='qemu'><name>a</name><memory>1024</memory><os><type>hvm</type>"
            + "</os>%s</domain>";

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "kvm-virtio", "direct-kernel"})
    void formatsInactiveAndLiveAsTheGoldenFilesAndRoundTrips(String name) {
        DomainDef def = DomainXmlParser.parse(Golden.read(io.jvirtd.driver.qemu.internal.command.LaunchPaths.class,
                name + ".xml"));
        String inactive = DomainXmlFormatter.format(def, -1);
        Golden.check(getClass(), name + "-inactive.xml", inactive);
        Golden.check(getClass(), name + "-live.xml", DomainXmlFormatter.format(def, 7));
        assertEquals(def, DomainXmlParser.parse(inactive), "the inactive XML parses back to the same definition");
    }

    @Test
    void statusDocumentsRoundTrip() {
        DomainDef def = DomainXmlParser.parse(String.format(MIN, "<devices><serial type='pty'/></devices>"))
                .withSerials(java.util.List.of(new SerialDef("pty", "/dev/pts/9")));
        RunStatus s = new RunStatus(def, 4, 3, 1, 4242, "/data/qemu/run/a.qmp", false);
        assertEquals(s, DomainXmlParser.parseStatus(DomainXmlFormatter.formatStatus(s)));
    }

    @Test
    void defaultsAreFilledAsLibvirtFillsThem() {
        DomainDef d = DomainXmlParser.parse(String.format(MIN, ""));
        assertEquals(1024, d.currentMemoryKiB());
        assertEquals(1, d.vcpus());
        assertEquals(java.util.List.of("hd"), d.os().bootDevices());
        assertEquals("virtio", d.memballoon());
        assertEquals(LifecycleActions.DEFAULT, d.actions());
        assertEquals(2, d.inputs().size());
    }

    @Test
    void memoryUnitsAreScaledToKiB() {
        assertEquals(2 * 1024 * 1024, DomainXmlParser.parse(MIN.replace("<memory>1024</memory>",
                "<memory unit='GiB'>2</memory>").formatted("")).memoryKiB());
        assertEquals(977, DomainXmlParser.parse(MIN.replace("<memory>1024</memory>",
                "<memory unit='KB'>1000</memory>").formatted("")).memoryKiB());
    }

    @Test
    void aMissingUuidIsGeneratedAndAMissingMacToo() {
        DomainDef d = DomainXmlParser.parse(String.format(MIN, "<devices><interface type='user'/></devices>"));
        assertTrue(d.uuid() instanceof UUID);
        assertTrue(d.interfaces().get(0).mac().startsWith("52:54:00:"), d.interfaces().get(0).mac());
    }

    @Test
    void anUnknownElementIsRefusedByName() {
        VirException e = assertThrows(VirException.class, () -> DomainXmlParser.parse(String.format(MIN,
                "<devices><hostdev mode='subsystem'/></devices>")));
        assertEquals(VirErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals(VirErrorDomain.QEMU, e.domain());
        assertEquals("unsupported configuration: element <hostdev> (/domain/devices/hostdev) is not supported by the "
                + "QEMU driver", e.getMessage());
    }

    @Test
    void anUnknownAttributeIsRefusedByName() {
        VirException e = assertThrows(VirException.class, () -> DomainXmlParser.parse(String.format(MIN,
                "<devices><disk type='file' snapshot='no'><source file='/x'/><target dev='vda'/></disk></devices>")));
        assertEquals(VirErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertTrue(e.getMessage().contains("attribute 'snapshot' of element <disk> (/domain/devices/disk)"),
                e.getMessage());
    }

    @Test
    void aValueOutsideTheSubsetIsRefusedByName() {
        VirException e = assertThrows(VirException.class, () -> DomainXmlParser.parse(String.format(MIN,
                "<devices><disk type='block'><source dev='/dev/sda'/><target dev='vda'/></disk></devices>")));
        assertEquals(VirErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("unsupported configuration: disk type 'block' is not supported by the QEMU driver",
                e.getMessage());
        VirException xen = assertThrows(VirException.class, () -> DomainXmlParser.parse(MIN.replace("qemu", "xen")
                .formatted("")));
        assertEquals(VirErrorCode.CONFIG_UNSUPPORTED, xen.code());
    }

    @Test
    void malformedXmlIsAnXmlError() {
        VirException e = assertThrows(VirException.class, () -> DomainXmlParser.parse("<domain type='qemu'><name>"));
        assertEquals(VirErrorCode.XML_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("XML error: (domain_definition):1: "), e.getMessage());
        assertEquals(VirErrorCode.XML_ERROR, assertThrows(VirException.class,
                () -> DomainXmlParser.parse("<network/>")).code());
    }

    @Test
    void missingNameAndOsAreLibvirtsErrors() {
        assertEquals(VirErrorCode.NO_NAME, assertThrows(VirException.class, () -> DomainXmlParser.parse(
                "<domain type='qemu'><memory>1</memory><os><type>hvm</type></os></domain>")).code());
        assertEquals(VirErrorCode.NO_OS, assertThrows(VirException.class, () -> DomainXmlParser.parse(
                "<domain type='qemu'><name>a</name><memory>1</memory></domain>")).code());
    }

    @Test
    void aDuplicateDiskTargetIsRefused() {
        VirException e = assertThrows(VirException.class, () -> DomainXmlParser.parse(String.format(MIN,
                "<devices><disk><source file='/a'/><target dev='vda'/></disk><disk><source file='/b'/>"
                        + "<target dev='vda'/></disk></devices>")));
        assertEquals(VirErrorCode.XML_ERROR, e.code());
    }
}
