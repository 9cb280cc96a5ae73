package io.jvirtd.xdr.codec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The bound of a variable-length item: {@code string<N>}, {@code opaque<N>}, {@code T x<N>}. Strings without it are bounded by {@link XdrCodecs#DEFAULT_STRING_MAX}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface XdrMax {
    int value();
}
