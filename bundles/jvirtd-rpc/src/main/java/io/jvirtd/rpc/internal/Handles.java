package io.jvirtd.rpc.internal;

import java.util.ArrayList;
import java.util.List;

import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.driver.TypedParameter;
import io.jvirtd.api.iface.InterfaceRef;
import io.jvirtd.api.network.NetworkRef;
import io.jvirtd.api.storage.PoolRef;
import io.jvirtd.api.storage.VolumeRef;
import io.jvirtd.xdr.remote.RemoteNonnullDomain;
import io.jvirtd.xdr.remote.RemoteNonnullInterface;
import io.jvirtd.xdr.remote.RemoteNonnullNetwork;
import io.jvirtd.xdr.remote.RemoteNonnullStoragePool;
import io.jvirtd.xdr.remote.RemoteNonnullStorageVol;
import io.jvirtd.xdr.remote.RemoteTypedParam;
import io.jvirtd.xdr.remote.RemoteTypedParamValue;

/** Converts object handles and typed parameters between the wire records and the driver SPI. */
final class Handles {
    /** VIR_TYPED_PARAM_STRING_OKAY: the client accepts string parameters. */
    static final int TYPED_PARAM_STRING_OKAY = 4;

    private Handles() {
    }

    static DomainRef domain(RemoteNonnullDomain d) {
        return new DomainRef(d.name(), d.uuid(), d.id());
    }

    static RemoteNonnullDomain wire(DomainRef d) {
        return new RemoteNonnullDomain(d.name(), d.uuid(), d.id());
    }

    static NetworkRef network(RemoteNonnullNetwork n) {
        return new NetworkRef(n.name(), n.uuid());
    }

    static RemoteNonnullNetwork wire(NetworkRef n) {
        return new RemoteNonnullNetwork(n.name(), n.uuid());
    }

    static PoolRef pool(RemoteNonnullStoragePool p) {
        return new PoolRef(p.name(), p.uuid());
    }

    static RemoteNonnullStoragePool wire(PoolRef p) {
        return new RemoteNonnullStoragePool(p.name(), p.uuid());
    }

    static VolumeRef volume(RemoteNonnullStorageVol v) {
        return new VolumeRef(v.pool(), v.name(), v.key());
    }

    static RemoteNonnullStorageVol wire(VolumeRef v) {
        return new RemoteNonnullStorageVol(v.pool(), v.name(), v.key());
    }

    static InterfaceRef iface(RemoteNonnullInterface i) {
        return new InterfaceRef(i.name(), i.mac());
    }

    static RemoteNonnullInterface wire(InterfaceRef i) {
        return new RemoteNonnullInterface(i.name(), i.mac());
    }

    /** The parameters for the wire; string ones only if the client said it takes them. */
    static List<RemoteTypedParam> wire(List<TypedParameter> params, int flags) {
        List<RemoteTypedParam> out = new ArrayList<>();
        for (TypedParameter p : params) {
            if (p.type() == TypedParameter.Type.STRING && (flags & TYPED_PARAM_STRING_OKAY) == 0) {
                continue;
            }
            out.add(new RemoteTypedParam(p.field(), value(p)));
        }
        return out;
    }

    private static RemoteTypedParamValue value(TypedParameter p) {
        return switch (p.type()) {
            case INT -> new RemoteTypedParamValue.OfInt((Integer) p.value());
            case UINT -> new RemoteTypedParamValue.OfUInt((Integer) p.value());
            case LLONG -> new RemoteTypedParamValue.OfLLong((Long) p.value());
            case ULLONG -> new RemoteTypedParamValue.OfULLong((Long) p.value());
            case DOUBLE -> new RemoteTypedParamValue.OfDouble((Double) p.value());
            case BOOLEAN -> new RemoteTypedParamValue.OfBoolean((Boolean) p.value());
            case STRING -> new RemoteTypedParamValue.OfString((String) p.value());
        };
    }

    static List<TypedParameter> params(List<RemoteTypedParam> params) {
        List<TypedParameter> out = new ArrayList<>();
        for (RemoteTypedParam p : params) {
            RemoteTypedParamValue v = p.value();
            TypedParameter t;
            if (v instanceof RemoteTypedParamValue.OfInt x) {
                t = new TypedParameter(p.field(), TypedParameter.Type.INT, x.i());
            } else if (v instanceof RemoteTypedParamValue.OfUInt x) {
                t = new TypedParameter(p.field(), TypedParameter.Type.UINT, x.ui());
            } else if (v instanceof RemoteTypedParamValue.OfLLong x) {
                t = new TypedParameter(p.field(), TypedParameter.Type.LLONG, x.l());
            } else if (v instanceof RemoteTypedParamValue.OfULLong x) {
                t = new TypedParameter(p.field(), TypedParameter.Type.ULLONG, x.ul());
            } else if (v instanceof RemoteTypedParamValue.OfDouble x) {
                t = new TypedParameter(p.field(), TypedParameter.Type.DOUBLE, x.d());
            } else if (v instanceof RemoteTypedParamValue.OfBoolean x) {
                t = new TypedParameter(p.field(), TypedParameter.Type.BOOLEAN, x.b());
            } else {
                t = new TypedParameter(p.field(), TypedParameter.Type.STRING, ((RemoteTypedParamValue.OfString) v).s());
            }
            out.add(t);
        }
        return out;
    }

    /** need_results semantics of the list_all procedures: the objects only if asked, the count always. */
    static <T> List<T> results(int needResults, List<T> all) {
        return needResults != 0 ? all : List.of();
    }
}
