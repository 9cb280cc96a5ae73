package io.jvirtd.xdr.codec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A fixed length: {@code opaque[N]} for {@code byte[]}, {@code T x[N]} for a {@code List}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface XdrFixed {
    int value();
}
