package io.jvirtd.xdr.codec;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.jvirtd.xdr.XdrException;
import io.jvirtd.xdr.XdrReader;
import io.jvirtd.xdr.XdrWriter;

/** Codecs for the types a record component may have; chosen once per component by {@link XdrCodecs}. */
final class FieldCodecs {
    private FieldCodecs() {
    }

    /** A codec with a plain description; for the primitive cases. */
    private record Simple<T>(String describe, Enc<T> enc, Dec<T> dec) implements XdrCodec<T> {
        @Override
        public void encode(T value, XdrWriter out) {
            enc.encode(value, out);
        }

        @Override
        public T decode(XdrReader in) {
            return dec.decode(in);
        }
    }

    @FunctionalInterface
    private interface Enc<T> {
        void encode(T value, XdrWriter out);
    }

    @FunctionalInterface
    private interface Dec<T> {
        T decode(XdrReader in);
    }

    /** The codec for a component (or list element) of {@code type}, as its annotations say. */
    static XdrCodec<?> forType(Type type, AnnotatedElement annotations, String where) {
        XdrCodec<?> codec = plain(type, annotations, where);
        if (annotations != null && annotations.isAnnotationPresent(XdrOptional.class)) {
            return optional(codec);
        }
        return codec;
    }

    private static XdrCodec<?> plain(Type type, AnnotatedElement a, String where) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        boolean unsigned = a != null && a.isAnnotationPresent(XdrUnsigned.class);
        if (raw == int.class || raw == Integer.class) {
            return new Simple<Integer>(unsigned ? "unsigned int" : "int", (v, out) -> out.writeInt(v), XdrReader::readInt);
        }
        if (raw == long.class || raw == Long.class) {
            return new Simple<Long>(unsigned ? "unsigned hyper" : "hyper", (v, out) -> out.writeHyper(v),
                    XdrReader::readHyper);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return new Simple<Boolean>("int (boolean)", (v, out) -> out.writeInt(v ? 1 : 0), in -> in.readInt() != 0);
        }
        if (raw == double.class || raw == Double.class) {
            return new Simple<Double>("double", (v, out) -> out.writeDouble(v), XdrReader::readDouble);
        }
        if (raw == String.class) {
            return string(a, where);
        }
        if (raw == byte[].class) {
            return opaque(a, where);
        }
        if (raw == UUID.class) {
            return new Simple<UUID>("opaque[16] (uuid)", (v, out) -> out.writeFixedOpaque(uuidBytes(v), 16),
                    in -> uuidOf(in.readFixedOpaque(16)));
        }
        if (raw == List.class) {
            return list(type, a, where);
        }
        if (raw.isEnum() && XdrEnum.class.isAssignableFrom(raw)) {
            return enumCodec(raw.asSubclass(Enum.class), where);
        }
        if (raw.isRecord()) {
            return XdrCodecs.of(raw);
        }
        if (raw.isInterface() && raw.isSealed() && raw.isAnnotationPresent(XdrUnion.class)) {
            return new UnionCodec<>(raw);
        }
        throw new IllegalArgumentException("unsupported XDR type " + type.getTypeName() + " at " + where);
    }

    private static XdrCodec<String> string(AnnotatedElement a, String where) {
        XdrFixedChars fixedChars = a == null ? null : a.getAnnotation(XdrFixedChars.class);
        if (fixedChars != null) {
            int n = fixedChars.value();
            return new Simple<>("char[" + n + "]", (v, out) -> {
                byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
                if (bytes.length >= n) {
                    throw new XdrException("text of " + bytes.length + " bytes does not fit char[" + n + "] at " + where);
                }
                for (int i = 0; i < n; i++) {
                    out.writeInt(i < bytes.length ? bytes[i] : 0);
                }
            }, in -> chars(in, n));
        }
        XdrVarChars varChars = a == null ? null : a.getAnnotation(XdrVarChars.class);
        if (varChars != null) {
            int max = varChars.value();
            return new Simple<>("char<" + max + ">", (v, out) -> {
                byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
                if (bytes.length + 1 > max) {
                    throw new XdrException("text of " + bytes.length + " bytes does not fit char<" + max + "> at " + where);
                }
                out.writeInt(bytes.length + 1);
                for (byte b : bytes) {
                    out.writeInt(b);
                }
                out.writeInt(0);
            }, in -> chars(in, in.readCount(max, "char array")));
        }
        int max = maxOf(a, XdrCodecs.DEFAULT_STRING_MAX);
        return new Simple<>("string<" + max + ">", (v, out) -> out.writeString(v, max), in -> in.readString(max));
    }

    /** n 4-byte chars holding a C string: the text up to the first NUL. */
    private static String chars(XdrReader in, int n) {
        byte[] bytes = new byte[n];
        int len = n;
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) in.readInt();
            if (bytes[i] == 0 && len == n) {
                len = i;
            }
        }
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }

    private static XdrCodec<byte[]> opaque(AnnotatedElement a, String where) {
        XdrFixed fixed = a == null ? null : a.getAnnotation(XdrFixed.class);
        if (fixed != null) {
            int n = fixed.value();
            return new Simple<>("opaque[" + n + "]", (v, out) -> out.writeFixedOpaque(v, n), in -> in.readFixedOpaque(n));
        }
        int max = maxOf(a, -1);
        if (max < 0) {
            throw new IllegalArgumentException("byte[] needs @XdrMax or @XdrFixed at " + where);
        }
        return new Simple<>("opaque<" + max + ">", (v, out) -> out.writeOpaque(v, max), in -> in.readOpaque(max));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static XdrCodec<List<?>> list(Type type, AnnotatedElement a, String where) {
        if (!(type instanceof ParameterizedType p)) {
            throw new IllegalArgumentException("List needs an element type at " + where);
        }
        XdrCodec element = forType(p.getActualTypeArguments()[0], null, where + "[]");
        XdrFixed fixed = a == null ? null : a.getAnnotation(XdrFixed.class);
        if (fixed != null) {
            int n = fixed.value();
            return new Simple<>(element.describe() + "[" + n + "]", (v, out) -> {
                if (v.size() != n) {
                    throw new XdrException("fixed array of " + n + " given " + v.size() + " elements at " + where);
                }
                for (Object e : v) {
                    element.encode(e, out);
                }
            }, in -> {
                List<Object> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(element.decode(in));
                }
                return List.copyOf(values);
            });
        }
        int max = maxOf(a, -1);
        if (max < 0) {
            throw new IllegalArgumentException("List needs @XdrMax or @XdrFixed at " + where);
        }
        return new Simple<>(element.describe() + "<" + max + ">", (v, out) -> {
            if (v.size() > max) {
                throw new XdrException("array of " + v.size() + " elements exceeds maximum " + max + " at " + where);
            }
            out.writeInt(v.size());
            for (Object e : v) {
                element.encode(e, out);
            }
        }, in -> {
            int n = in.readCount(max, "array");
            List<Object> values = new ArrayList<>(Math.min(n, 1024));
            for (int i = 0; i < n; i++) {
                values.add(element.decode(in));
            }
            return List.copyOf(values);
        });
    }

    private static <E extends Enum<E>> XdrCodec<E> enumCodec(Class<E> type, String where) {
        Map<Integer, E> byValue = new HashMap<>();
        for (E e : type.getEnumConstants()) {
            byValue.put(((XdrEnum) e).value(), e);
        }
        return new Simple<>("enum " + type.getSimpleName(), (v, out) -> out.writeInt(((XdrEnum) v).value()), in -> {
            int at = in.position();
            int v = in.readInt();
            E e = byValue.get(v);
            if (e == null) {
                throw new XdrException("unknown " + type.getSimpleName() + " value " + v + " at offset " + at);
            }
            return e;
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static XdrCodec<?> optional(XdrCodec inner) {
        return new Simple<Object>(inner.describe() + " *", (v, out) -> {
            out.writePresent(v != null);
            if (v != null) {
                inner.encode(v, out);
            }
        }, in -> in.readPresent() ? inner.decode(in) : null);
    }

    private static int maxOf(AnnotatedElement a, int fallback) {
        XdrMax max = a == null ? null : a.getAnnotation(XdrMax.class);
        return max == null ? fallback : max.value();
    }

    static byte[] uuidBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
                .array();
    }

    static UUID uuidOf(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new UUID(b.getLong(), b.getLong());
    }
}
