package io.jvirtd.xdr.codec;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Builds a sample value of any describable record, every component set to a non-default value, or
 * with every optional component absent: the inputs of the round-trip tests.
 */
public final class Samples {
    private Samples() {
    }

    public static <T> T of(Class<T> type, boolean optionalsPresent) {
        try {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                boolean absent = !optionalsPresent && c.isAnnotationPresent(XdrOptional.class);
                values[i] = absent ? null : value(c.getGenericType(), c, i);
            }
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + type.getName(), e);
        }
    }

    private static Object value(Type type, RecordComponent c, int i) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == int.class || raw == Integer.class) {
            return 1000 + i;
        }
        if (raw == long.class || raw == Long.class) {
            return 9_000_000_000L + i;
        }
        if (raw == boolean.class) {
            return true;
        }
        if (raw == double.class) {
            return 2.5 + i;
        }
        if (raw == String.class) {
            return "v" + i + "-é";
        }
        if (raw == UUID.class) {
            return UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");
        }
        if (raw == byte[].class) {
            XdrFixed fixed = c == null ? null : c.getAnnotation(XdrFixed.class);
            byte[] bytes = new byte[fixed == null ? 5 : fixed.value()];
            Arrays.fill(bytes, (byte) (i + 1));
            return bytes;
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            return List.of(value(element, null, 1), value(element, null, 2));
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (raw.isRecord()) {
            return of(raw, true);
        }
        if (raw.isSealed() && raw.isAnnotationPresent(XdrUnion.class)) {
            // a union: the last arm, which for typed parameters is the string arm
            Class<?>[] arms = raw.getPermittedSubclasses();
            return of(arms[arms.length - 1], true);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }
}
