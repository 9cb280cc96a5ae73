package io.jvirtd.logging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

/**
 * One log filter, {@code PRIORITY:MATCH}: messages of a logger whose name matches the glob
 * {@code *MATCH*} are kept from PRIORITY up, whatever the logger's level. As libvirt does, the match
 * is always wrapped in {@code *…*} and a leading {@code +} (libvirt's stack-trace flag) is accepted
 * and dropped. Immutable.
 *
 * @param priority the lowest priority kept
 * @param glob the glob, as shown back ({@code *rpc*})
 * @param regex the glob compiled against logger names
 */
record LogFilter(LogPriority priority, String glob, Pattern regex) {

    /** Whether this filter is about the named logger. */
    boolean matches(String loggerName) {
        return regex.matcher(loggerName).matches();
    }

    @Override
    public String toString() {
        return priority.number() + ":" + glob;
    }

    /**
     * Parses a space-separated list (virt-admin daemon-log-filters, {@code log_filters}).
     *
     * @throws VirException {@code VIR_ERR_INVALID_ARG} with libvirt's message for the first bad one
     */
    static List<LogFilter> parseAll(String text) {
        List<LogFilter> filters = new ArrayList<>();
        for (String token : text.trim().split("\\s+")) {
            if (!token.isEmpty()) {
                filters.add(parse(token));
            }
        }
        return List.copyOf(filters);
    }

    static LogFilter parse(String token) {
        int colon = token.indexOf(':');
        if (colon < 0) {
            throw invalid("Malformed format for filter '%s'", token);
        }
        LogPriority priority = LogPriority.ofDigit(token.substring(0, colon));
        if (priority == null) {
            throw invalid("Invalid priority '%s' for filter '%s'", token.substring(0, colon), token);
        }
        String match = token.substring(colon + 1);
        if (match.startsWith("+")) {
            match = match.substring(1);
        }
        if (match.isEmpty()) {
            throw invalid("Invalid match string '%s'", match);
        }
        String glob = "*" + match + "*";
        return new LogFilter(priority, glob, Pattern.compile(globToRegex(glob)));
    }

    /** fnmatch-style: {@code *} any run, {@code ?} one character, everything else literal. */
    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(Character.toString(c)));
            }
        }
        return regex.toString();
    }

    private static VirException invalid(String format, Object... args) {
        return VirException.of(VirErrorCode.INVALID_ARG, VirErrorDomain.NONE, format, args);
    }
}
