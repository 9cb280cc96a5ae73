package io.jvirtd.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.read.ListAppender;
import io.jvirtd.api.error.VirException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a private logback context configured like etc/logback.xml (a list appender in place of the console). */
class LogbackLoggingControlTest {
    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> console = new ListAppender<>();
    private LogbackLoggingControl control;

    @TempDir
    Path dir;

    @BeforeEach
    void configureLikeLogbackXml() {
        context.setMDCAdapter(new LogbackMDCAdapter()); // a bare context has none; the daemon's has
        console.setContext(context);
        console.setName("CONSOLE");
        ThresholdFilter info = new ThresholdFilter();
        info.setLevel("INFO");
        info.start();
        console.addFilter(info);
        console.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        context.getLogger("io.jvirtd").setLevel(Level.INFO);
    }

    @AfterEach
    void stop() {
        if (control != null) {
            control.deactivate();
        }
        context.stop();
    }

    @Test
    void describesTheConfiguredAppendersUntilOutputsAreSet() {
        control = new LogbackLoggingControl(context, Map.of());
        assertEquals("", control.outputs(), "a list appender has no libvirt equivalent");
        assertEquals("", control.filters());
    }

    @Test
    void aFilterMakesDebugOfMatchingLoggersVisibleAndLeavesOthersAlone() throws Exception {
        control = new LogbackLoggingControl(context, Map.of());
        Path file = dir.resolve("debug.log");
        control.setOutputs("1:file:" + file);
        control.setFilters("1:rpc 4:noisy");
        assertEquals("1:*rpc* 4:*noisy* ", control.filters());
        Logger rpc = context.getLogger("io.jvirtd.rpc.internal.RpcServer");
        Logger core = context.getLogger("io.jvirtd.core.internal.lock.LockBook");
        Logger noisy = context.getLogger("io.jvirtd.noisy.Thing");
        assertTrue(rpc.isDebugEnabled());
        assertFalse(core.isDebugEnabled());
        rpc.debug("rpc detail");
        core.debug("core detail");
        core.info("core info");
        noisy.warn("noisy warning");
        noisy.error("noisy error");
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(written.contains("rpc detail"), written);
        assertTrue(written.contains("core info"), written);
        assertFalse(written.contains("core detail"), written);
        assertFalse(written.contains("noisy warning"), written);
        assertTrue(written.contains("noisy error"), written);
        assertTrue(console.list.isEmpty(), "the configured appender is detached while outputs are set");

        control.setFilters("");
        assertEquals("", control.filters());
        assertFalse(rpc.isDebugEnabled());
    }

    @Test
    void outputsFilterByPriorityAndAnEmptyStringRestoresTheConfiguredOnes() throws Exception {
        control = new LogbackLoggingControl(context, Map.of());
        Path warnings = dir.resolve("warn.log");
        Path all = dir.resolve("sub/all.log");
        control.setOutputs("3:file:" + warnings + " 2:file:" + all);
        assertEquals("3:file:" + warnings + " 2:file:" + all, control.outputs());
        Logger l = context.getLogger("io.jvirtd.x");
        l.info("an info line");
        l.warn("a warning line");
        assertFalse(Files.readString(warnings).contains("an info line"));
        assertTrue(Files.readString(warnings).contains("a warning line"));
        assertTrue(Files.readString(all).contains("an info line"));

        control.setOutputs("");
        l.info("back on the console");
        assertEquals("back on the console", console.list.get(console.list.size() - 1).getFormattedMessage());
    }

    @Test
    void aRefusedStringChangesNothing() {
        control = new LogbackLoggingControl(context, Map.of());
        control.setFilters("2:rpc");
        assertThrows(VirException.class, () -> control.setFilters("1:core x:bad"));
        assertEquals("2:*rpc* ", control.filters());
        assertThrows(VirException.class, () -> control.setOutputs("2:stderr 2:nowhere"));
        assertEquals("", control.outputs());
    }

    @Test
    void configurationSetsLevelFiltersAndOutputsAndAWrongValueKeepsTheOldOnes() throws Exception {
        Path file = dir.resolve("cfg.log");
        control = new LogbackLoggingControl(context,
                Map.of("log_level", "warning", "log_filters", "1:driver", "log_outputs", "1:file:" + file));
        assertEquals(Level.WARN, context.getLogger("io.jvirtd").getLevel());
        assertEquals("1:*driver* ", control.filters());
        assertEquals("1:file:" + file, control.outputs());

        control.modified(Map.of("log_level", "loud", "log_filters", "2:rpc"));
        assertEquals(Level.WARN, context.getLogger("io.jvirtd").getLevel(), "a wrong level keeps the old settings");
        assertEquals("1:*driver* ", control.filters(), "nothing of a refused configuration is applied");

        control.modified(Map.of("log_level", "2"));
        assertEquals(Level.INFO, context.getLogger("io.jvirtd").getLevel());
    }
}
