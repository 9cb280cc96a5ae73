package io.jvirtd.driver.qemu.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.slf4j.LoggerFactory;

/**
 * The driver's settings (PID {@code io.jvirtd.driver.qemu}). Immutable.
 *
 * @param stateDir where {@code config/}, {@code run/}, {@code log/} and {@code autostart/} live;
 *        default {@code ${jvirtd.home}/data/qemu} (the launcher sets the system property {@code jvirtd.home})
 * @param emulator the QEMU binary used when a definition names none
 * @param monitorTimeout how long a QMP command may take before the call fails
 * @param shutdownGrace how long destroy waits after SIGTERM before SIGKILL
 * @param startTimeout how long QEMU may take to daemonize at start
 */
public record QemuSettings(Path stateDir, String emulator, Duration monitorTimeout, Duration shutdownGrace,
        Duration startTimeout) {

    /** Reads the ConfigAdmin properties; absent keys take their defaults. */
    static QemuSettings from(Map<String, ?> props) {
        String home = System.getProperty("jvirtd.home", ".");
        Object dir = props.get("state_dir");
        boolean unset = dir == null || dir.toString().isBlank();
        return new QemuSettings(unset ? Path.of(home, "data", "qemu") : Path.of(dir.toString().trim()),
                str(props, "emulator", "/usr/bin/qemu-system-x86_64"),
                Duration.ofSeconds(num(props, "monitor_timeout", 30)),
                Duration.ofMillis(num(props, "shutdown_grace_ms", 3000)),
                Duration.ofSeconds(num(props, "start_timeout", 30)));
    }

    private static String str(Map<String, ?> props, String key, String dflt) {
        Object v = props.get(key);
        return v == null ? dflt : v.toString().trim();
    }

    /** A positive number; a value that is not one is logged and the default used, so the driver still starts. */
    private static long num(Map<String, ?> props, String key, long dflt) {
        Object v = props.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.toString().trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LoggerFactory.getLogger(QemuSettings.class).error("io.jvirtd.driver.qemu: {} = '{}' is not a positive "
                + "number; using {}", key, v, dflt);
        return dflt;
    }
}
