package io.jvirtd.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The PID io.jvirtd.driver.qemu: defaults, values, and bad values that fall back to the default. */
class QemuSettingsTest {
    @Test
    void defaultsLiveUnderTheDaemonsDataFolder() {
        QemuSettings s = QemuSettings.from(Map.of());
        assertEquals(Path.of(System.getProperty("jvirtd.home", "."), "data", "qemu"), s.stateDir());
        assertEquals("/usr/bin/qemu-system-x86_64", s.emulator());
        assertEquals(Duration.ofSeconds(30), s.monitorTimeout());
        assertEquals(Duration.ofMillis(3000), s.shutdownGrace());
    }

    @Test
    void valuesAreReadAndABadOneKeepsItsDefault() {
        QemuSettings s = QemuSettings.from(Map.of("state_dir", " /var/lib/x ", "monitor_timeout", "abc",
                "shutdown_grace_ms", "500", "start_timeout", "-1"));
        assertEquals(Path.of("/var/lib/x"), s.stateDir());
        assertEquals(Duration.ofSeconds(30), s.monitorTimeout());
        assertEquals(Duration.ofMillis(500), s.shutdownGrace());
        assertEquals(Duration.ofSeconds(30), s.startTimeout());
    }
}
