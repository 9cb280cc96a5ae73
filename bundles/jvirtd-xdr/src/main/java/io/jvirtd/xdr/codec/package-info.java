/**
 * The generic XDR codec: a record class, its components in XDR field order and annotated where Java cannot say it (bounds, fixed lengths, optional pointers, unsigned, char arrays), is the whole description of a wire struct; {@link io.jvirtd.xdr.codec.XdrCodecs} derives its encoder and decoder once.
 */
@Export
@Version("1.0.0")
package io.jvirtd.xdr.codec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
