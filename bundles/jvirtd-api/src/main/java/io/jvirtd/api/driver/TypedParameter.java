package io.jvirtd.api.driver;

import java.util.Objects;

/**
 * One libvirt typed parameter ({@code virTypedParameter}): a field name and a value whose Java
 * type gives the wire type.
 *
 * @param field the name, e.g. {@code cpu_shares}
 * @param type the libvirt type
 * @param value an {@link Integer} (INT, UINT), {@link Long} (LLONG, ULLONG), {@link Double},
 *        {@link Boolean} or {@link String}
 */
public record TypedParameter(String field, Type type, Object value) {

    /** {@code virTypedParameterType}, numbered as on the wire. */
    public enum Type {
        INT(1), UINT(2), LLONG(3), ULLONG(4), DOUBLE(5), BOOLEAN(6), STRING(7);

        private final int number;

        Type(int number) {
            this.number = number;
        }

        public int number() {
            return number;
        }
    }

    public TypedParameter {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    public static TypedParameter ofUnsignedLong(String field, long value) {
        return new TypedParameter(field, Type.ULLONG, value);
    }

    public static TypedParameter ofUnsignedInt(String field, int value) {
        return new TypedParameter(field, Type.UINT, value);
    }

    public static TypedParameter ofLong(String field, long value) {
        return new TypedParameter(field, Type.LLONG, value);
    }

    public static TypedParameter ofString(String field, String value) {
        return new TypedParameter(field, Type.STRING, value);
    }
}
