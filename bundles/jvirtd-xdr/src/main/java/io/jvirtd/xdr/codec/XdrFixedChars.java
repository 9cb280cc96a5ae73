package io.jvirtd.xdr.codec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** {@code char x[N]} carried as a Java String: N characters of 4 bytes each, the text NUL-terminated inside them (e.g. {@code node_get_info_ret.model[32]}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface XdrFixedChars {
    int value();
}
