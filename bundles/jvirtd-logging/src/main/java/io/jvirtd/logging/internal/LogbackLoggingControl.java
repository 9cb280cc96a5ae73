package io.jvirtd.logging.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.filter.Filter;
import io.jvirtd.api.admin.LoggingControl;
import io.jvirtd.api.config.ConfigValues;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.LoggerFactory;

/**
 * The daemon's logging settings in libvirt's terms, applied to logback while the daemon runs:
 * {@code log_level} (the default level of every logger), {@code log_filters} (per-logger levels, see
 * {@link LogFilter}) and {@code log_outputs} (where messages go, see {@link LogOutput}), from the
 * {@value #PID} configuration at start and on every save, and from virt-admin or {@code virt:log} at
 * any time. Until outputs are set, the appenders of {@code etc/logback.xml} are the outputs; an empty
 * outputs string brings them back. Changes made through virt-admin or the shell last until the daemon
 * stops, as with libvirtd; {@code etc/io.jvirtd.logging.cfg} is what a restart reads.
 * <p>
 * Every public method is {@code synchronized} on this component: a leaf monitor outside the lock
 * hierarchy, held only while logback's objects are swapped, never across a call into jvirtd code.
 */
@Component(service = LoggingControl.class, configurationPid = LogbackLoggingControl.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class LogbackLoggingControl implements LoggingControl {
    static final String PID = "io.jvirtd.logging";
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(LogbackLoggingControl.class);
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger - %msg%n";
    /** The logger logback.xml gives its own level; log_level sets it too. */
    private static final String JVIRTD_LOGGER = "io.jvirtd";

    private final LoggerContext context; // immutable
    private final Logger root; // immutable
    private final List<Appender<ILoggingEvent>> configuredAppenders; // immutable: logback.xml's, kept to restore
    private final Level configuredRootLevel; // immutable
    private final Level configuredJvirtdLevel; // immutable; may be null
    private List<LogFilter> filters = List.of(); // guarded by this
    private List<LogOutput> outputs; // guarded by this; null while logback.xml's appenders are the outputs
    private final List<Appender<ILoggingEvent>> ownAppenders = new ArrayList<>(); // guarded by this
    private LoggerFilterTurbo turbo; // guarded by this; null without filters

    @Activate
    public LogbackLoggingControl(Map<String, Object> properties) {
        this(logbackContext(), properties);
    }

    private static LoggerContext logbackContext() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            return context;
        }
        throw new IllegalStateException("SLF4J is bound to " + LoggerFactory.getILoggerFactory().getClass().getName()
                + ", not logback: log filters and outputs cannot be managed");
    }

    LogbackLoggingControl(LoggerContext context, Map<String, Object> properties) {
        this.context = context;
        this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext();) {
            appenders.add(it.next());
        }
        this.configuredAppenders = List.copyOf(appenders);
        this.configuredRootLevel = root.getLevel();
        this.configuredJvirtdLevel = context.getLogger(JVIRTD_LOGGER).getLevel();
        apply(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    synchronized void deactivate() {
        installFilters(List.of());
        restoreConfiguredAppenders();
        root.setLevel(configuredRootLevel);
        context.getLogger(JVIRTD_LOGGER).setLevel(configuredJvirtdLevel);
    }

    /** Applies a saved configuration as a whole, or nothing of it if one value is wrong. */
    private synchronized void apply(Map<String, Object> properties) {
        ConfigValues values = new ConfigValues(PID, properties);
        String level = values.stringValue("log_level", null);
        String filterText = values.stringValue("log_filters", null);
        String outputText = values.stringValue("log_outputs", null);
        try {
            LogPriority priority = null;
            if (level != null && !level.isBlank()) {
                priority = LogPriority.ofSetting(level);
                if (priority == null) {
                    throw VirException.of(VirErrorCode.INVALID_ARG, VirErrorDomain.NONE,
                            "log_level must be 1-4 or debug, info, warning, error, not '%s'", level);
                }
            }
            List<LogFilter> newFilters = filterText == null ? null : LogFilter.parseAll(filterText);
            List<LogOutput> newOutputs = outputText == null ? null : LogOutput.parseAll(outputText);
            if (newOutputs != null) {
                installOutputs(newOutputs);
            }
            if (newFilters != null) {
                installFilters(newFilters);
            }
            if (priority != null) {
                root.setLevel(priority.level());
                context.getLogger(JVIRTD_LOGGER).setLevel(priority.level());
            }
            LOG.info("logging: level {}, filters '{}', outputs '{}'", LogPriority.of(root.getEffectiveLevel()).number(),
                    filters().trim(), outputs());
        } catch (VirException e) {
            LOG.error("{}: {}; keeping the current logging settings", PID, e.getMessage());
        }
    }

    @Override
    public synchronized String filters() {
        // libvirt's format, trailing space included: virt-admin users see the same line
        return filters.stream().map(f -> f + " ").collect(Collectors.joining());
    }

    @Override
    public synchronized void setFilters(String text) {
        installFilters(LogFilter.parseAll(text == null ? "" : text));
        LOG.info("log filters set to '{}'", filters().trim());
    }

    @Override
    public synchronized String outputs() {
        if (outputs != null) {
            return outputs.stream().map(LogOutput::toString).collect(Collectors.joining(" "));
        }
        List<String> described = new ArrayList<>();
        for (Appender<ILoggingEvent> a : configuredAppenders) {
            String place = describe(a);
            if (place != null) {
                described.add(LogPriority.of(threshold(a)).number() + ":" + place);
            }
        }
        return String.join(" ", described);
    }

    @Override
    public synchronized void setOutputs(String text) {
        List<LogOutput> parsed = LogOutput.parseAll(text == null ? "" : text);
        if (parsed.isEmpty()) {
            restoreConfiguredAppenders();
        } else {
            installOutputs(parsed);
        }
        LOG.info("log outputs set to '{}'", outputs());
    }

    // ---- filters ----

    private void installFilters(List<LogFilter> newFilters) {
        assert Thread.holdsLock(this);
        if (turbo != null) {
            context.getTurboFilterList().remove(turbo);
            turbo.stop();
            turbo = null;
        }
        filters = List.copyOf(newFilters);
        if (!filters.isEmpty()) {
            LoggerFilterTurbo t = new LoggerFilterTurbo(filters);
            t.setContext(context);
            t.start();
            context.addTurboFilter(t);
            turbo = t;
        }
    }

    // ---- outputs ----

    private void installOutputs(List<LogOutput> wanted) {
        assert Thread.holdsLock(this);
        List<Appender<ILoggingEvent>> created = new ArrayList<>();
        try {
            for (LogOutput o : wanted) {
                created.add(appender(o));
            }
        } catch (VirException e) {
            created.forEach(Appender::stop);
            throw e;
        }
        detachAll();
        created.forEach(root::addAppender);
        ownAppenders.addAll(created);
        outputs = List.copyOf(wanted);
    }

    private void restoreConfiguredAppenders() {
        assert Thread.holdsLock(this);
        if (outputs == null) {
            return;
        }
        detachAll();
        configuredAppenders.forEach(root::addAppender);
        outputs = null;
    }

    /** Detaches every output; logback.xml's are kept (not stopped) to be restored, ours are stopped. */
    private void detachAll() {
        for (Appender<ILoggingEvent> a : configuredAppenders) {
            root.detachAppender(a);
        }
        for (Appender<ILoggingEvent> a : ownAppenders) {
            root.detachAppender(a);
            a.stop();
        }
        ownAppenders.clear();
    }

    private Appender<ILoggingEvent> appender(LogOutput o) {
        OutputStreamAppender<ILoggingEvent> appender;
        if (LogOutput.FILE.equals(o.destination())) {
            Path file = o.file();
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw VirException.of(VirErrorCode.SYSTEM_ERROR, VirErrorDomain.NONE,
                        "cannot create the directory of log file '%s': %s", file, e.getMessage());
            }
            FileAppender<ILoggingEvent> f = new FileAppender<>();
            f.setFile(file.toString());
            f.setAppend(true);
            appender = f;
        } else {
            ConsoleAppender<ILoggingEvent> c = new ConsoleAppender<>();
            c.setTarget(LogOutput.STDERR.equals(o.destination()) ? "System.err" : "System.out");
            appender = c;
        }
        appender.setContext(context);
        appender.setName("jvirtd log output " + o);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        appender.setEncoder(encoder);
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setLevel(o.priority().level().levelStr);
        threshold.setContext(context);
        threshold.start();
        appender.addFilter(threshold);
        appender.start();
        if (!appender.isStarted()) {
            throw VirException.of(VirErrorCode.SYSTEM_ERROR, VirErrorDomain.NONE, "cannot open log output '%s'", o);
        }
        return appender;
    }

    /** Where a logback.xml appender writes, in log output syntax, or null if it has no equivalent. */
    private static String describe(Appender<ILoggingEvent> a) {
        if (a instanceof FileAppender<ILoggingEvent> f && f.getFile() != null) {
            return LogOutput.FILE + ":" + Path.of(f.getFile()).toAbsolutePath().normalize();
        }
        if (a instanceof ConsoleAppender<ILoggingEvent> c) {
            return "System.err".equals(c.getTarget()) ? LogOutput.STDERR : LogOutput.STDOUT;
        }
        return null;
    }

    /** The level an appender starts writing at: its threshold filter's, else the root logger's. */
    private Level threshold(Appender<ILoggingEvent> a) {
        for (Filter<ILoggingEvent> f : a.getCopyOfAttachedFiltersList()) {
            if (f instanceof ThresholdFilter t) {
                Level level = thresholdLevel(t);
                if (level != null) {
                    return level;
                }
            }
        }
        return root.getEffectiveLevel();
    }

    /** ThresholdFilter keeps its level private; ask it with a probe event per level instead. */
    private static Level thresholdLevel(ThresholdFilter t) {
        for (Level level : new Level[] {Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR}) {
            ch.qos.logback.classic.spi.LoggingEvent probe = new ch.qos.logback.classic.spi.LoggingEvent();
            probe.setLevel(level);
            if (t.decide(probe) != ch.qos.logback.core.spi.FilterReply.DENY) {
                return level;
            }
        }
        return null;
    }
}
