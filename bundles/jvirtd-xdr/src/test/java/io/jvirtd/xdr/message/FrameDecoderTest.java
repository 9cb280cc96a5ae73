package io.jvirtd.xdr.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

import io.jvirtd.xdr.XdrException;

import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private static final MessageHeader CALL = new MessageHeader(0x20008086, 1, 4, MessageType.CALL, 9, MessageStatus.OK);

    private static byte[] frame(int serial, byte[] payload) {
        return Frames.encode(new MessageHeader(0x20008086, 1, 4, MessageType.CALL, serial, MessageStatus.OK), payload);
    }

    @Test
    void theLengthWordCountsItself() {
        byte[] wire = Frames.encode(CALL, new byte[] {0, 0, 0, 7});
        assertEquals(32, wire.length);
        assertEquals("00000020", HexFormat.of().formatHex(wire, 0, 4));
    }

    @Test
    void aFrameSplitIntoSingleBytesComesOutWhole() throws Exception {
        byte[] wire = frame(9, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        FrameDecoder decoder = new FrameDecoder();
        for (int i = 0; i < wire.length - 1; i++) {
            decoder.feed(wire, i, 1);
            assertNull(decoder.next(), "incomplete after " + (i + 1) + " bytes");
        }
        decoder.feed(wire, wire.length - 1, 1);
        Frame f = decoder.next();
        assertEquals(CALL, f.header());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, f.payload());
        assertEquals(0, decoder.buffered());
    }

    @Test
    void mergedFramesAndAPartialTailAreCutApart() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(frame(1, new byte[0]));
        stream.write(frame(2, new byte[] {9, 9, 9, 9}));
        byte[] third = frame(3, new byte[] {7, 7, 7, 7});
        stream.write(third, 0, 10);
        byte[] all = stream.toByteArray();
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(all, 0, all.length);
        assertEquals(1, decoder.next().header().serial());
        assertEquals(2, decoder.next().header().serial());
        assertNull(decoder.next());
        decoder.feed(third, 10, third.length - 10);
        Frame f = decoder.next();
        assertEquals(3, f.header().serial());
        assertArrayEquals(new byte[] {7, 7, 7, 7}, f.payload());
    }

    @Test
    void lengthsOutsideTheLimitsAreFramingErrors() {
        for (String word : new String[] {"00000000", "00000004", "0000001b"}) {
            FrameDecoder decoder = new FrameDecoder();
            decoder.feed(HexFormat.of().parseHex(word), 0, 4);
            FramingException e = assertThrows(FramingException.class, decoder::next, word);
            assertEquals("message length " + Integer.parseInt(word, 16)
                    + " is below the minimum of 28 (length word and header)", e.getMessage());
        }
        for (String word : new String[] {"02000005", "7fffffff", "80000000"}) {
            FrameDecoder decoder = new FrameDecoder();
            decoder.feed(HexFormat.of().parseHex(word), 0, 4);
            FramingException e = assertThrows(FramingException.class, decoder::next, word);
            assertEquals("message length " + Long.parseLong(word, 16) + " exceeds the maximum of 33554436",
                    e.getMessage());
        }
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(HexFormat.of().parseHex("ffffffff"), 0, 4);
        FramingException huge = assertThrows(FramingException.class, decoder::next);
        assertEquals("message length 4294967295 exceeds the maximum of 33554436", huge.getMessage());
    }

    @Test
    void theMaximumIsConfigurableAndInclusive() throws Exception {
        FrameDecoder decoder = new FrameDecoder(32);
        byte[] ok = frame(1, new byte[4]);
        decoder.feed(ok, 0, ok.length);
        assertEquals(1, decoder.next().header().serial());
        byte[] tooBig = frame(2, new byte[8]);
        decoder.feed(tooBig, 0, tooBig.length);
        FramingException e = assertThrows(FramingException.class, decoder::next);
        assertEquals("message length 36 exceeds the maximum of 32", e.getMessage());
    }

    @Test
    void anUnknownTypeOrStatusIsPassedOnForTheDispatcherToJudge() throws Exception {
        // libvirtd answers a CALL with a bad status ("Unexpected message status") and drops a packet of
        // unknown type, but keeps the connection: framing must not fail on either
        byte[] wire = frame(1, new byte[0]);
        wire[19] = 9; // type 9
        wire[27] = 5; // status 5
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(wire, 0, wire.length);
        MessageHeader h = decoder.next().header();
        assertEquals(9, h.typeValue());
        assertEquals(5, h.statusValue());
        assertNull(h.type());
        assertNull(h.status());
        assertFalse(h.is(MessageType.CALL));
        assertEquals("MessageHeader[prog=0x20008086 vers=1 proc=4 type=9 serial=1 status=5]", h.toString());
        assertTrue(CALL.is(MessageType.CALL) && CALL.has(MessageStatus.OK));
        assertEquals(MessageType.CALL, CALL.type());
        assertEquals(MessageStatus.OK, CALL.status());
    }

    @Test
    void aReplyCopiesTheCallAndIsAlwaysOfTypeReply() {
        MessageHeader withFds = new MessageHeader(0x20008086, 1, 4, MessageType.CALL_WITH_FDS, 12, MessageStatus.OK);
        assertEquals(new MessageHeader(0x20008086, 1, 4, MessageType.REPLY, 12, MessageStatus.ERROR),
                withFds.reply(MessageStatus.ERROR));
    }

    @Test
    void anEncoderRefusesAMessageOverTheLimit() {
        byte[] payload = new byte[Frames.MESSAGE_MAX - MessageHeader.SIZE + 4];
        XdrException e = assertThrows(XdrException.class, () -> Frames.encode(CALL, payload));
        assertEquals("message of 33554440 bytes exceeds the maximum of 33554436", e.getMessage());
        // exactly at the limit is fine: the length word then reads 33554436
        byte[] atLimit = Frames.encode(CALL, new byte[Frames.MESSAGE_MAX - MessageHeader.SIZE]);
        assertEquals("02000004", HexFormat.of().formatHex(atLimit, 0, 4));
    }
}
