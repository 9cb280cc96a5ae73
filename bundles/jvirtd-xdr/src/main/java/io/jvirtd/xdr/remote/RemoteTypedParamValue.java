package io.jvirtd.xdr.remote;

import io.jvirtd.xdr.codec.XdrArm;
import io.jvirtd.xdr.codec.XdrUnion;
import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_typed_param_value}: a union switched on the {@code virTypedParameterType} number,
 * one arm record per type. On the wire: the 4-byte type, then the arm's value.
 */
@XdrUnion
public sealed interface RemoteTypedParamValue {

    /** VIR_TYPED_PARAM_INT. */
    @XdrArm(1)
    record OfInt(int i) implements RemoteTypedParamValue {
    }

    /** VIR_TYPED_PARAM_UINT. */
    @XdrArm(2)
    record OfUInt(@XdrUnsigned int ui) implements RemoteTypedParamValue {
    }

    /** VIR_TYPED_PARAM_LLONG. */
    @XdrArm(3)
    record OfLLong(long l) implements RemoteTypedParamValue {
    }

    /** VIR_TYPED_PARAM_ULLONG. */
    @XdrArm(4)
    record OfULLong(@XdrUnsigned long ul) implements RemoteTypedParamValue {
    }

    /** VIR_TYPED_PARAM_DOUBLE. */
    @XdrArm(5)
    record OfDouble(double d) implements RemoteTypedParamValue {
    }

    /** VIR_TYPED_PARAM_BOOLEAN: an int on the wire, any non-zero value is true. */
    @XdrArm(6)
    record OfBoolean(boolean b) implements RemoteTypedParamValue {
    }

    /**
     * VIR_TYPED_PARAM_STRING. A server leaves string parameters out of a list unless the client
     * passed VIR_TYPED_PARAM_STRING_OKAY (4) in the call's flags.
     */
    @XdrArm(7)
    record OfString(String s) implements RemoteTypedParamValue {
    }
}
