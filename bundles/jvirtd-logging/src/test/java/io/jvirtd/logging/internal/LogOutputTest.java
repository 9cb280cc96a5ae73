package io.jvirtd.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirException;
import org.junit.jupiter.api.Test;

class LogOutputTest {

    @Test
    void parsesStderrAndFilesWithAbsolutePaths() {
        List<LogOutput> outputs = LogOutput.parseAll("2:stderr 1:file:/var/log/jvirtd.log 3:file:relative.log");
        assertEquals("2:stderr", outputs.get(0).toString());
        assertEquals("1:file:/var/log/jvirtd.log", outputs.get(1).toString());
        assertEquals("3:file:" + Path.of("relative.log").toAbsolutePath(), outputs.get(2).toString());
    }

    @Test
    void aLaterOutputToTheSamePlaceReplacesTheEarlierOne() {
        // libvirtd 9.0: '2:stderr  1:stderr' is shown back as '1:stderr'
        assertEquals(List.of("1:stderr"), LogOutput.parseAll("2:stderr  1:stderr").stream().map(Object::toString).toList());
    }

    @Test
    void refusesWithLibvirtsMessages() {
        assertRefused("stderr", VirErrorCode.INVALID_ARG, "invalid argument: Malformed format for log output 'stderr'");
        assertRefused("9:stderr", VirErrorCode.INVALID_ARG,
                "invalid argument: Invalid log priority '9' for log output '9:stderr'");
        assertRefused("0:stderr", VirErrorCode.INVALID_ARG,
                "invalid argument: Invalid log priority '0' for log output '0:stderr'");
        assertRefused("2:nowhere", VirErrorCode.INVALID_ARG,
                "invalid argument: Invalid log destination 'nowhere' for log output '2:nowhere'");
        assertRefused("2:file", VirErrorCode.INVALID_ARG, "invalid argument: Log output '2:file' does not meet the "
                + "format requirements for destination type 'file'");
        assertRefused("2:stderr:x", VirErrorCode.INVALID_ARG, "invalid argument: Log output '2:stderr:x' does not "
                + "meet the format requirements for destination type 'stderr'");
        assertRefused("2:syslog:jvirtd", VirErrorCode.CONFIG_UNSUPPORTED, "unsupported configuration: log "
                + "destination 'syslog' is not available in jvirtd (use stderr or file:PATH) in '2:syslog:jvirtd'");
    }

    private static void assertRefused(String text, VirErrorCode code, String message) {
        VirException e = assertThrows(VirException.class, () -> LogOutput.parseAll("1:stderr " + text));
        assertEquals(code, e.code());
        assertEquals(message, e.getMessage());
    }
}
