package io.jvirtd.xdr.codec;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.jvirtd.xdr.XdrException;
import io.jvirtd.xdr.XdrReader;
import io.jvirtd.xdr.XdrWriter;

/**
 * An XDR discriminated union over a sealed interface: the int discriminant of the value's arm
 * ({@link XdrArm}), then that arm record's fields. Arms are found once, in the constructor; an arm
 * that is not an annotated record, or two arms with one discriminant, fail the codec's build. An
 * unknown discriminant on decode is an {@link XdrException}.
 */
final class UnionCodec<T> implements XdrCodec<T> {
    private final Class<T> type; // immutable
    private final Map<Integer, XdrCodec<?>> byDiscriminant = new TreeMap<>(); // filled in the constructor only
    private final Map<Class<?>, Integer> discriminantOf = new HashMap<>(); // filled in the constructor only

    UnionCodec(Class<T> type) {
        this.type = type;
        for (Class<?> arm : type.getPermittedSubclasses()) {
            XdrArm a = arm.getAnnotation(XdrArm.class);
            if (a == null || !arm.isRecord()) {
                throw new IllegalArgumentException("union arm " + arm.getName() + " must be a record with @XdrArm");
            }
            if (byDiscriminant.put(a.value(), XdrCodecs.of(arm)) != null) {
                throw new IllegalArgumentException("two arms of " + type.getName() + " have discriminant " + a.value());
            }
            discriminantOf.put(arm, a.value());
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void encode(T value, XdrWriter out) {
        Integer d = discriminantOf.get(value.getClass());
        out.writeInt(d);
        ((XdrCodec) byDiscriminant.get(d)).encode(value, out);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T decode(XdrReader in) {
        int at = in.position();
        int d = in.readInt();
        XdrCodec<?> arm = byDiscriminant.get(d);
        if (arm == null) {
            throw new XdrException("unknown discriminant " + d + " of union " + type.getSimpleName() + " at offset " + at);
        }
        return (T) arm.decode(in);
    }

    @Override
    public String describe() {
        return "union " + type.getSimpleName() + " switch (int) {" + byDiscriminant.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().describe())
                .collect(Collectors.joining("; ")) + "}";
    }
}
