package io.jvirtd.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VirErrorCodeTest {

    @Test
    void numbersAreUniqueAndContiguous() {
        Set<Integer> seen = new HashSet<>();
        for (VirErrorCode c : VirErrorCode.values()) {
            assertEquals(c.ordinal(), c.number(), c.name());
            seen.add(c.number());
        }
        assertEquals(VirErrorCode.values().length, seen.size());
    }

    @Test
    void messagesFollowLibvirtsTexts() {
        assertEquals("Domain not found", VirErrorCode.NO_DOMAIN.message(null));
        assertEquals("Domain not found: no domain with matching name 'x'",
                VirErrorCode.NO_DOMAIN.message("no domain with matching name 'x'"));
        assertEquals("domain 'x' exists already", VirErrorCode.DOM_EXIST.message("'x'"));
        assertEquals("unknown procedure: 9999", VirErrorCode.RPC.message("unknown procedure: 9999"));
        assertEquals("Timed out during operation: cannot acquire state change lock",
                new VirException(VirErrorCode.OPERATION_TIMEOUT, VirErrorDomain.QEMU,
                        "cannot acquire state change lock").getMessage());
    }

    @Test
    void wireNumbersRoundTrip() {
        assertEquals(VirErrorCode.OPERATION_TIMEOUT, VirErrorCode.fromNumber(68));
        assertEquals(VirErrorDomain.TEST, VirErrorDomain.fromNumber(12));
        assertEquals(VirErrorDomain.ADMIN, VirErrorDomain.fromNumber(62));
        assertEquals("VIR_ERR_NO_DOMAIN", VirErrorCode.NO_DOMAIN.cName());
    }
}
