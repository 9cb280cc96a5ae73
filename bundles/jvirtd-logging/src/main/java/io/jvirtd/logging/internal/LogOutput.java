package io.jvirtd.logging.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

/**
 * One log output, {@code PRIORITY:stderr}, {@code PRIORITY:stdout} (jvirtd's, for the console) or
 * {@code PRIORITY:file:PATH}: messages from PRIORITY up are written there. libvirt's {@code syslog}
 * and {@code journald} are recognised and refused (the JDK cannot write to their datagram sockets).
 * Immutable.
 *
 * @param priority the lowest priority written
 * @param destination {@code stderr}, {@code stdout} or {@code file}
 * @param file the absolute file for {@code file}, null otherwise
 */
record LogOutput(LogPriority priority, String destination, Path file) {

    static final String STDERR = "stderr";
    static final String STDOUT = "stdout";
    static final String FILE = "file";

    @Override
    public String toString() {
        return priority.number() + ":" + destination + (file == null ? "" : ":" + file);
    }

    /**
     * Parses a space-separated list; a later output to the same place replaces an earlier one, as in
     * libvirt.
     *
     * @throws VirException {@code VIR_ERR_INVALID_ARG} with libvirt's message for the first bad one,
     *         {@code VIR_ERR_CONFIG_UNSUPPORTED} for syslog and journald
     */
    static List<LogOutput> parseAll(String text) {
        Map<String, LogOutput> byPlace = new LinkedHashMap<>();
        for (String token : text.trim().split("\\s+")) {
            if (!token.isEmpty()) {
                LogOutput output = parse(token);
                String place = output.destination + (output.file == null ? "" : ":" + output.file);
                byPlace.remove(place);
                byPlace.put(place, output);
            }
        }
        return List.copyOf(byPlace.values());
    }

    static LogOutput parse(String token) {
        String[] parts = token.split(":", 3);
        if (parts.length < 2) {
            throw invalid("Malformed format for log output '%s'", token);
        }
        LogPriority priority = LogPriority.ofDigit(parts[0]);
        if (priority == null) {
            throw invalid("Invalid log priority '%s' for log output '%s'", parts[0], token);
        }
        String destination = parts[1];
        switch (destination) {
            case STDERR, STDOUT -> {
                if (parts.length > 2) {
                    throw formatRequirements(token, destination);
                }
                return new LogOutput(priority, destination, null);
            }
            case FILE -> {
                if (parts.length < 3 || parts[2].isEmpty()) {
                    throw formatRequirements(token, destination);
                }
                return new LogOutput(priority, FILE, Path.of(parts[2]).toAbsolutePath().normalize());
            }
            case "syslog", "journald" -> throw VirException.of(VirErrorCode.CONFIG_UNSUPPORTED, VirErrorDomain.NONE,
                    "log destination '%s' is not available in jvirtd (use stderr or file:PATH) in '%s'",
                    destination, token);
            default -> throw invalid("Invalid log destination '%s' for log output '%s'", destination, token);
        }
    }

    private static VirException formatRequirements(String token, String destination) {
        return invalid("Log output '%s' does not meet the format requirements for destination type '%s'", token,
                destination);
    }

    private static VirException invalid(String format, Object... args) {
        return VirException.of(VirErrorCode.INVALID_ARG, VirErrorDomain.NONE, format, args);
    }
}
