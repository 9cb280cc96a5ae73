package io.jvirtd.xdr.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.jvirtd.xdr.XdrException;
import io.jvirtd.xdr.message.MessageHeader;
import io.jvirtd.xdr.remote.ProcedureDescriptor;
import io.jvirtd.xdr.remote.KeepaliveProcedures;
import io.jvirtd.xdr.remote.NodeGetInfoRet;
import io.jvirtd.xdr.remote.NodeGetSecurityModelRet;
import io.jvirtd.xdr.remote.RemoteError;
import io.jvirtd.xdr.remote.RemoteProcedures;
import io.jvirtd.xdr.remote.RemoteTypedParam;
import io.jvirtd.xdr.remote.RemoteTypedParamValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecordCodecTest {

    /** Every type the procedure tables and the framing use, and every arm of the typed-parameter union. */
    static Stream<Class<?>> describedTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (ProcedureDescriptor p : RemoteProcedures.TABLE.procedures()) {
            types.add(p.args());
            types.add(p.ret());
        }
        for (ProcedureDescriptor p : KeepaliveProcedures.TABLE.procedures()) {
            types.add(p.args());
            types.add(p.ret());
        }
        types.add(RemoteError.class);
        types.add(MessageHeader.class);
        types.add(RemoteTypedParam.class);
        types.addAll(List.of(RemoteTypedParamValue.class.getPermittedSubclasses()));
        return types.stream();
    }

    @Test
    void everyTypedParamArmRoundTripsInsideAParam() {
        XdrCodec<RemoteTypedParam> codec = XdrCodecs.of(RemoteTypedParam.class);
        Class<?>[] arms = RemoteTypedParamValue.class.getPermittedSubclasses();
        assertEquals(7, arms.length, "VIR_TYPED_PARAM_INT..STRING");
        for (Class<?> arm : arms) {
            RemoteTypedParam param = new RemoteTypedParam("field", (RemoteTypedParamValue) Samples.of(arm, true));
            byte[] bytes = codec.encode(param);
            int discriminant = java.nio.ByteBuffer.wrap(bytes, 12, 4).getInt(); // after "field" (4 + 5 + 3 pad)
            assertEquals(arm.getAnnotation(XdrArm.class).value(), discriminant, arm.getSimpleName());
            assertEquals(param, codec.decode(bytes), arm.getSimpleName());
        }
    }

    @ParameterizedTest
    @MethodSource("describedTypes")
    void everyDescribedTypeRoundTrips(Class<?> type) {
        roundTrip(type, true);
        roundTrip(type, false);
    }

    private static <T> void roundTrip(Class<T> type, boolean optionalsPresent) {
        XdrCodec<T> codec = XdrCodecs.of(type);
        T sample = Samples.of(type, optionalsPresent);
        byte[] bytes = codec.encode(sample);
        assertEquals(0, bytes.length % 4, "XDR items are multiples of 4 bytes: " + type.getSimpleName());
        T decoded = codec.decode(bytes);
        assertTrue(sameValue(sample, decoded), type.getSimpleName() + ": " + sample + " decoded as " + decoded);
        assertArrayEquals(bytes, codec.encode(decoded));
    }

    /** Record equality, except that byte arrays (opaque fields; records compare them by identity) compare by content. */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return x.size() == y.size() && IntStream.range(0, x.size()).allMatch(i -> sameValue(x.get(i), y.get(i)));
        }
        if (a != null && b != null && a.getClass().isRecord() && a.getClass() == b.getClass()) {
            return Arrays.stream(a.getClass().getRecordComponents())
                    .allMatch(c -> sameValue(component(c, a), component(c, b)));
        }
        return Objects.equals(a, b);
    }

    private static Object component(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void charArraysTakeFourBytesPerCharacter() {
        XdrCodec<NodeGetInfoRet> codec = XdrCodecs.of(NodeGetInfoRet.class);
        NodeGetInfoRet info = new NodeGetInfoRet("i686", 3_145_728, 16, 1400, 2, 2, 2, 2);
        byte[] bytes = codec.encode(info);
        assertEquals(32 * 4 + 8 + 6 * 4, bytes.length, "model char[32] is 128 bytes");
        assertArrayEquals(HexFormat.of().parseHex("00000069000000360000003800000036" + "00000000"),
                java.util.Arrays.copyOf(bytes, 20));
        assertEquals(info, codec.decode(bytes));

        XdrCodec<NodeGetSecurityModelRet> sec = XdrCodecs.of(NodeGetSecurityModelRet.class);
        byte[] model = sec.encode(new NodeGetSecurityModelRet("none", ""));
        // model: count 5 (4 chars + NUL), 5 items; doi: count 1 (the NUL alone)
        assertEquals(4 + 5 * 4 + 4 + 4, model.length);
        assertEquals(new NodeGetSecurityModelRet("none", ""), sec.decode(model));
    }

    /** A typed parameter, as remote_typed_param_value: a union on the type number. */
    @XdrUnion
    sealed interface ParamValue permits IntValue, StringValue {
    }

    @XdrArm(1)
    record IntValue(int i) implements ParamValue {
    }

    @XdrArm(7)
    record StringValue(String s) implements ParamValue {
    }

    record TypedParam(String field, ParamValue value) {
    }

    record Params(@XdrMax(16) List<TypedParam> params) {
    }

    @Test
    void unionsCarryTheirDiscriminant() {
        XdrCodec<Params> codec = XdrCodecs.of(Params.class);
        Params params = new Params(List.of(new TypedParam("minWorkers", new IntValue(5)),
                new TypedParam("name", new StringValue("libvirtd"))));
        byte[] bytes = codec.encode(params);
        assertEquals(params, codec.decode(bytes));
        assertEquals("0000000200000001", HexFormat.of().formatHex(bytes, 0, 4) + HexFormat.of().formatHex(bytes, 20, 24),
                "count 2, then after 'minWorkers' (4+12 bytes) the discriminant 1");
        byte[] badArm = bytes.clone();
        badArm[23] = 9;
        XdrException e = assertThrows(XdrException.class, () -> codec.decode(badArm));
        assertTrue(e.getMessage().contains("unknown discriminant 9"), e.getMessage());
    }

    record Unsupported(Map<String, String> map) {
    }

    record UnboundedList(List<Integer> values) {
    }

    @Test
    void aTypeTheCodecCannotCarryFailsWhenTheCodecIsBuilt() {
        IllegalArgumentException map = assertThrows(IllegalArgumentException.class, () -> XdrCodecs.of(Unsupported.class));
        assertTrue(map.getMessage().contains("Unsupported.map"), map.getMessage());
        IllegalArgumentException list = assertThrows(IllegalArgumentException.class, () -> XdrCodecs.of(UnboundedList.class));
        assertTrue(list.getMessage().contains("needs @XdrMax"), list.getMessage());
    }

    record Bounded(@XdrMax(2) List<Integer> values, @XdrMax(3) String s) {
    }

    @Test
    void boundsAreCheckedWhenEncodingAndDecoding() {
        XdrCodec<Bounded> codec = XdrCodecs.of(Bounded.class);
        assertThrows(XdrException.class, () -> codec.encode(new Bounded(List.of(1, 2, 3), "ok")));
        byte[] tooMany = HexFormat.of().parseHex("00000003 00000001 00000002 00000003 00000000".replace(" ", ""));
        XdrException e = assertThrows(XdrException.class, () -> codec.decode(tooMany));
        assertTrue(e.getMessage().contains("array count 3 exceeds maximum 2"), e.getMessage());
        assertThrows(XdrException.class, () -> codec.encode(new Bounded(List.of(), null)), "null but not optional");
        List<Integer> none = new ArrayList<>();
        assertEquals(new Bounded(none, "abc"), codec.decode(codec.encode(new Bounded(none, "abc"))));
    }
}
