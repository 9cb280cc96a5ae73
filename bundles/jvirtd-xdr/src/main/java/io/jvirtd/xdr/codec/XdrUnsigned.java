package io.jvirtd.xdr.codec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The XDR type is unsigned ({@code unsigned int} in an {@code int}, {@code unsigned hyper} in a {@code long}). The bits on the wire are the same; this documents the wire type and shows in descriptions. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface XdrUnsigned {
}
