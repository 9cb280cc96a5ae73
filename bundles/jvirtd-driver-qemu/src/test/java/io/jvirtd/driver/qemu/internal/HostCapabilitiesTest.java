package io.jvirtd.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.driver.qemu.internal.model.DomainDef;
import io.jvirtd.driver.qemu.internal.model.DomainXmlParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the host can run: an emulator that is there, KVM only with a usable /dev/kvm. */
class HostCapabilitiesTest {
    @TempDir
    Path dir;

    private static DomainDef def(String type, String emulator) {
        return DomainXmlParser.parse("<domain type='" + type + "'><name>k</name><memory>1024</memory><os><type>hvm"
                + "</type></os><devices><emulator>" + emulator + "</emulator></devices></domain>");
    }

    @Test
    void kvmWithoutAUsableDeviceIsLibvirtsUnsupportedVirtType() {
        HostCapabilities host = new HostCapabilities("/bin/true", dir.resolve("no-kvm"));
        VirException e = assertThrows(VirException.class, () -> host.checkRunnable(def("kvm", "/bin/true")));
        assertEquals(VirErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals(VirErrorDomain.QEMU, e.domain());
        assertEquals("unsupported configuration: Emulator '/bin/true' does not support virt type 'kvm'",
                e.getMessage());
        host.checkRunnable(def("qemu", "/bin/true")); // TCG needs no device
    }

    @Test
    void aMissingEmulatorCannotBeChecked() {
        HostCapabilities host = new HostCapabilities("/bin/true", dir.resolve("no-kvm"));
        VirException e = assertThrows(VirException.class, () -> host.checkRunnable(def("qemu", "/nonexistent/qemu")));
        assertEquals(VirErrorCode.SYSTEM_ERROR, e.code());
        assertEquals("Cannot check QEMU binary /nonexistent/qemu: No such file or directory", e.getMessage());
    }

    @Test
    void theCapabilitiesOfferKvmOnlyWhenItIsUsable() {
        assertTrue(!new HostCapabilities("/bin/true", dir.resolve("no-kvm")).capabilitiesXml()
                .contains("<domain type='kvm'/>"));
    }
}
