package io.jvirtd.driver.qemu.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirException;
import io.jvirtd.driver.qemu.internal.Golden;
import io.jvirtd.driver.qemu.internal.model.DomainDef;
import io.jvirtd.driver.qemu.internal.model.DomainXmlParser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** xml2argv: each {@code NAME.xml} gives exactly {@code NAME.args} (one argument per line). */
class QemuCommandLineTest {
    private static final LaunchPaths PATHS = new LaunchPaths("/run/jvirtd/qemu/guest.qmp",
            "/run/jvirtd/qemu/guest.pid");

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "kvm-virtio", "direct-kernel"})
    void definitionGivesTheGoldenCommandLine(String name) {
        DomainDef def = DomainXmlParser.parse(Golden.read(getClass(), name + ".xml"));
        String emulator = def.emulator() == null ? "/usr/bin/qemu-system-x86_64" : def.emulator();
        Golden.check(getClass(), name + ".args", String.join("\n", QemuCommandLine.build(def, emulator, PATHS)) + "\n");
    }

    @Test
    void theSameDefinitionAlwaysGivesTheSameCommandLine() {
        DomainDef def = DomainXmlParser.parse(Golden.read(getClass(), "kvm-virtio.xml"));
        assertEquals(QemuCommandLine.build(def, "qemu", PATHS), QemuCommandLine.build(def, "qemu", PATHS));
    }

    @Test
    void aNetworkInterfaceIsRefusedUntilThereIsANetworkDriver() {
        DomainDef def = DomainXmlParser.parse("<domain type='qemu'><name>n</name><memory>1024</memory><os><type>hvm"
                + "</type></os><devices><interface type='network'><source network='default'/></interface></devices>"
                + "</domain>");
        VirException e = assertThrows(VirException.class, () -> QemuCommandLine.build(def, "qemu", PATHS));
        assertEquals(VirErrorCode.CONFIG_UNSUPPORTED, e.code());
    }
}
