package io.jvirtd.xdr.codec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** {@code char x<N>} carried as a Java String: a count, then one 4-byte item per character; libvirtd includes the trailing NUL in the count (e.g. {@code node_get_security_model_ret.model}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface XdrVarChars {
    int value();
}
