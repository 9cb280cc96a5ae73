package io.jvirtd.logging.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * The log filters at work: logback asks it before a logger's level, for every message and every
 * {@code isDebugEnabled()}. The first filter matching the logger's name decides (kept from its
 * priority up, dropped below); a logger no filter matches keeps its own level. The decision per
 * logger name is cached, so the hot path costs one map look-up. Immutable apart from that cache; a
 * change of filters installs a new instance.
 */
final class LoggerFilterTurbo extends TurboFilter {
    /** Cached "no filter matches this logger". */
    private static final Level NO_MATCH = Level.OFF;

    private final List<LogFilter> filters; // immutable
    private final Map<String, Level> thresholds = new ConcurrentHashMap<>(); // concurrent: logger name -> level

    LoggerFilterTurbo(List<LogFilter> filters) {
        this.filters = List.copyOf(filters);
        setName("jvirtd log_filters");
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (logger == null || level == null) {
            return FilterReply.NEUTRAL;
        }
        Level threshold = thresholds.computeIfAbsent(logger.getName(), this::thresholdOf);
        if (threshold == NO_MATCH) {
            return FilterReply.NEUTRAL;
        }
        return level.isGreaterOrEqual(threshold) ? FilterReply.ACCEPT : FilterReply.DENY;
    }

    private Level thresholdOf(String loggerName) {
        for (LogFilter f : filters) {
            if (f.matches(loggerName)) {
                return f.priority().level();
            }
        }
        return NO_MATCH;
    }
}
