package io.jvirtd.xdr.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import io.jvirtd.xdr.codec.XdrCodecs;

import org.junit.jupiter.api.Test;

/**
 * Pins the wire description of every procedure against a checked-in text, so a change of a number,
 * a field, a bound or a priority is always deliberate: change the table and this file together.
 */
class ProcedureTableGoldenTest {

    static String render() {
        return RemoteProcedures.all().stream()
                .map(p -> String.format("%d %s%n  args: %s%n  ret:  %s%n  priority %s, read-only %s", p.number(),
                        p.name(), XdrCodecs.of(p.args()).describe(), XdrCodecs.of(p.ret()).describe(), p.priority(),
                        p.readOnlyAllowed() ? "allowed" : "denied"))
                .collect(Collectors.joining("\n")) + "\nremote_error\n  " + XdrCodecs.of(RemoteError.class).describe()
                + "\n";
    }

    @Test
    void theTableMatchesTheGoldenDescription() throws IOException {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("remote-procedures.golden")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(golden, render());
    }
}
