package io.jvirtd.xdr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class XdrPrimitivesTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void numbersAreBigEndianIn4And8Bytes() {
        byte[] bytes = new XdrWriter().writeInt(-2).writeInt(0x20008086).writeHyper(9_000_000L)
                .writeHyper(-1L).writeDouble(1.5).toByteArray();
        assertArrayEquals(hex("fffffffe 20008086 0000000000895440 ffffffffffffffff 3ff8000000000000"), bytes);
        XdrReader in = new XdrReader(bytes);
        assertEquals(-2, in.readInt());
        assertEquals(0x20008086, in.readInt());
        assertEquals(9_000_000L, in.readHyper());
        assertEquals(-1L, in.readHyper());
        assertEquals(1.5, in.readDouble());
        in.requireEnd("numbers");
    }

    @Test
    void stringsAndOpaquesArePaddedToFourBytes() {
        byte[] bytes = new XdrWriter().writeString("test", 10).writeString("abcde", 10).writeString("", 10)
                .writeFixedOpaque(new byte[] {1, 2, 3}, 3).toByteArray();
        assertArrayEquals(hex("00000004 74657374  00000005 6162636465000000  00000000  01020300"), bytes);
        XdrReader in = new XdrReader(bytes);
        assertEquals("test", in.readString(10));
        assertEquals("abcde", in.readString(10));
        assertEquals("", in.readString(10));
        assertArrayEquals(new byte[] {1, 2, 3}, in.readFixedOpaque(3));
        assertEquals(0, in.remaining());
    }

    @Test
    void boundsAreEnforcedOnBothSides() {
        XdrException enc = assertThrows(XdrException.class, () -> new XdrWriter().writeString("toolong", 3));
        assertTrue(enc.getMessage().contains("at most 3"), enc.getMessage());
        XdrException dec = assertThrows(XdrException.class,
                () -> new XdrReader(hex("00001388 41414141")).readString(4096));
        assertEquals("string length 5000 exceeds maximum 4096 at offset 0", dec.getMessage());
        XdrException negative = assertThrows(XdrException.class, () -> new XdrReader(hex("ffffffff")).readOpaque(10));
        assertTrue(negative.getMessage().contains("length 4294967295 exceeds maximum 10"), negative.getMessage());
        XdrException count = assertThrows(XdrException.class, () -> new XdrReader(hex("00000015")).readCount(20, "auth types"));
        assertEquals("auth types count 21 exceeds maximum 20 at offset 0", count.getMessage());
    }

    @Test
    void truncatedInputIsReportedWithItsOffset() {
        XdrException e = assertThrows(XdrException.class, () -> new XdrReader(hex("00000008 414243")).readString(100));
        assertTrue(e.getMessage().startsWith("truncated input"), e.getMessage());
        assertThrows(XdrException.class, () -> new XdrReader(hex("000000")).readInt());
        assertThrows(XdrException.class, () -> new XdrReader(hex("00000001 0000")).readHyper());
    }

    @Test
    void anyNonZeroOptionalFlagMeansPresentAsLibvirtdReadsIt() {
        assertFalse(new XdrReader(hex("00000000")).readPresent());
        assertTrue(new XdrReader(hex("00000001")).readPresent());
        // go-libvirt sends the flag as 0x01000000
        assertTrue(new XdrReader(hex("01000000")).readPresent());
    }

    @Test
    void invalidUtf8IsRefused() {
        XdrException e = assertThrows(XdrException.class, () -> new XdrReader(hex("00000002 c328 0000")).readString(10));
        assertTrue(e.getMessage().contains("not valid UTF-8"));
    }

    @Test
    void trailingBytesAreAnError() {
        XdrReader in = new XdrReader(hex("00000001 00000002"));
        in.readInt();
        assertThrows(XdrException.class, () -> in.requireEnd("one int"));
    }
}
