package io.jvirtd.xdr.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import io.jvirtd.xdr.codec.XdrCodecs;
import io.jvirtd.xdr.message.MessageHeader;

import org.junit.jupiter.api.Test;

/**
 * Pins the wire description of every procedure and shared struct against a checked-in text, so a
 * change of a number, a field, a bound, a priority or read-only access is always deliberate: change
 * the table and remote-procedures.golden together. To see the new text, run this test and read the
 * failure's "but was".
 */
class ProcedureTableGoldenTest {

    static String render(ProcedureTable table) {
        return String.format("program %s 0x%08x version %d%n", table.name(), table.program(), table.version())
                + table.procedures().stream()
                        .map(p -> p.message()
                                ? String.format("%d %s%n  MESSAGE body: %s%n", p.number(), p.name(),
                                        p.retCodec().describe())
                                : String.format("%d %s%n  args: %s%n  ret:  %s%n  priority %s, read-only %s%n",
                                        p.number(), p.name(), p.argsCodec().describe(), p.retCodec().describe(),
                                        p.priority(), p.readOnlyAllowed() ? "allowed" : "denied"))
                        .collect(Collectors.joining());
    }

    static String render() {
        return render(RemoteProcedures.TABLE) + render(KeepaliveProcedures.TABLE)
                + "header\n  " + XdrCodecs.of(MessageHeader.class).describe() + "\n"
                + "remote_error\n  " + XdrCodecs.of(RemoteError.class).describe() + "\n"
                + "remote_typed_param\n  " + XdrCodecs.of(RemoteTypedParam.class).describe() + "\n";
    }

    @Test
    void theTablesMatchTheGoldenDescription() throws IOException {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("remote-procedures.golden")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(golden, render());
    }
}
