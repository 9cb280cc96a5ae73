package io.jvirtd.logging.internal;

import ch.qos.logback.classic.Level;

/** libvirt's log priorities (1 debug … 4 error) and the logback level each one means. */
enum LogPriority {
    DEBUG(1, Level.DEBUG),
    INFO(2, Level.INFO),
    WARNING(3, Level.WARN),
    ERROR(4, Level.ERROR);

    private final int number;
    private final Level level;

    LogPriority(int number, Level level) {
        this.number = number;
        this.level = level;
    }

    int number() {
        return number;
    }

    Level level() {
        return level;
    }

    /** The priority written as a digit 1–4, or null. */
    static LogPriority ofDigit(String text) {
        for (LogPriority p : values()) {
            if (Integer.toString(p.number).equals(text)) {
                return p;
            }
        }
        return null;
    }

    /** libvirtd.conf's {@code log_level}: 1–4 or debug/info/warning/error; null if neither. */
    static LogPriority ofSetting(String text) {
        LogPriority p = ofDigit(text.trim());
        if (p != null) {
            return p;
        }
        for (LogPriority q : values()) {
            if (q.name().equalsIgnoreCase(text.trim())) {
                return q;
            }
        }
        return null;
    }

    /** The priority of a logback level (TRACE counts as debug, OFF as error). */
    static LogPriority of(Level level) {
        if (level.toInt() <= Level.DEBUG_INT) {
            return DEBUG;
        }
        if (level.toInt() <= Level.INFO_INT) {
            return INFO;
        }
        return level.toInt() <= Level.WARN_INT ? WARNING : ERROR;
    }
}
