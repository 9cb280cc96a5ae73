package io.jvirtd.xdr.codec;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.jvirtd.xdr.XdrException;
import io.jvirtd.xdr.XdrReader;
import io.jvirtd.xdr.XdrWriter;

/**
 * Derives the codec of a record class from its components, once, and caches it. A component type
 * the codec cannot carry fails when the codec is built, not when a message first uses it.
 */
public final class XdrCodecs {
    /** Bound of strings without {@link XdrMax}: libvirt's REMOTE_STRING_MAX (4 MiB). */
    public static final int DEFAULT_STRING_MAX = 4_194_304;

    private static final Map<Class<?>, XdrCodec<?>> CACHE = new ConcurrentHashMap<>(); // concurrent; codecs immutable
    /** Types whose codec this thread is building, to refuse recursive types instead of overflowing. */
    private static final ThreadLocal<Set<Class<?>>> BUILDING = ThreadLocal.withInitial(HashSet::new);

    private XdrCodecs() {
    }

    /** The codec of a record class (or {@link XdrVoid}). */
    @SuppressWarnings("unchecked")
    public static <T> XdrCodec<T> of(Class<T> type) {
        XdrCodec<?> codec = CACHE.get(type);
        if (codec == null) {
            if (!BUILDING.get().add(type)) {
                throw new IllegalArgumentException("recursive XDR type " + type.getName() + " is not supported");
            }
            try {
                codec = new RecordCodec<>(type);
            } finally {
                BUILDING.get().remove(type);
            }
            XdrCodec<?> raced = CACHE.putIfAbsent(type, codec);
            codec = raced == null ? codec : raced;
        }
        return (XdrCodec<T>) codec;
    }

    /** A struct: its components' codecs in declaration order. All fields immutable after construction. */
    private static final class RecordCodec<T> implements XdrCodec<T> {
        private final Class<T> type;
        private final Method[] accessors;
        private final XdrCodec<Object>[] fields;
        private final String[] names;
        private final boolean[] optional;
        private final Constructor<T> constructor;

        @SuppressWarnings("unchecked")
        RecordCodec(Class<T> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            this.type = type;
            RecordComponent[] components = type.getRecordComponents();
            accessors = new Method[components.length];
            fields = new XdrCodec[components.length];
            names = new String[components.length];
            optional = new boolean[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                names[i] = c.getName();
                optional[i] = c.isAnnotationPresent(XdrOptional.class);
                accessors[i] = c.getAccessor();
                types[i] = c.getType();
                fields[i] = (XdrCodec<Object>) FieldCodecs.forType(c.getGenericType(), c,
                        type.getSimpleName() + "." + c.getName());
            }
            try {
                constructor = type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("no canonical constructor in " + type.getName(), e);
            }
        }

        @Override
        public void encode(T value, XdrWriter out) {
            for (int i = 0; i < fields.length; i++) {
                Object v;
                try {
                    v = accessors[i].invoke(value);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + names[i], e);
                }
                if (v == null && !optional[i]) {
                    throw new XdrException(type.getSimpleName() + "." + names[i] + " is null but not optional");
                }
                fields[i].encode(v, out);
            }
        }

        @Override
        public T decode(XdrReader in) {
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                values[i] = fields[i].decode(in);
            }
            try {
                return constructor.newInstance(values);
            } catch (InvocationTargetException e) {
                throw new XdrException("invalid " + type.getSimpleName() + ": " + e.getCause().getMessage());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot construct " + type.getName(), e);
            }
        }

        @Override
        public String describe() {
            if (fields.length == 0) {
                return "void";
            }
            return type.getSimpleName() + " {" + Arrays.stream(indexes())
                    .mapToObj(i -> names[i] + ": " + fields[i].describe()).collect(Collectors.joining("; ")) + "}";
        }

        private int[] indexes() {
            int[] idx = new int[fields.length];
            Arrays.setAll(idx, i -> i);
            return idx;
        }
    }
}
