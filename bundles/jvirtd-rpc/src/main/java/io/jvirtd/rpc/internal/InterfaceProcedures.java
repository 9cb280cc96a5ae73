package io.jvirtd.rpc.internal;

import static io.jvirtd.rpc.internal.Handles.iface;

import java.util.List;

import io.jvirtd.api.iface.InterfaceRef;
import io.jvirtd.xdr.codec.XdrVoid;
import io.jvirtd.xdr.remote.ActiveRet;
import io.jvirtd.xdr.remote.ConnectListAllInterfacesRet;
import io.jvirtd.xdr.remote.InterfaceArgs;
import io.jvirtd.xdr.remote.InterfaceFlagsArgs;
import io.jvirtd.xdr.remote.InterfaceLookupByMacStringArgs;
import io.jvirtd.xdr.remote.InterfaceRet;
import io.jvirtd.xdr.remote.ListAllArgs;
import io.jvirtd.xdr.remote.MaxnamesArgs;
import io.jvirtd.xdr.remote.NameArgs;
import io.jvirtd.xdr.remote.NamesRet;
import io.jvirtd.xdr.remote.NumRet;
import io.jvirtd.xdr.remote.XmlFlagsArgs;
import io.jvirtd.xdr.remote.XmlRet;

/** The host-interface procedures, onto {@link io.jvirtd.api.iface.InterfaceDriver}. */
final class InterfaceProcedures {
    private InterfaceProcedures() {
    }

    static void register(HandlerTable t) {
        t.on(284, ListAllArgs.class, (c, a) -> {
            List<InterfaceRef> all = c.interfaces().listAll(a.flags());
            return new ConnectListAllInterfacesRet(Handles.results(a.needResults(), all.stream()
                    .map(Handles::wire).toList()), all.size());
        });
        t.on(126, c -> new NumRet(c.interfaces().names(true, Integer.MAX_VALUE).size()));
        t.on(127, MaxnamesArgs.class, (c, a) -> new NamesRet(c.interfaces().names(true, a.maxnames())));
        t.on(137, c -> new NumRet(c.interfaces().names(false, Integer.MAX_VALUE).size()));
        t.on(138, MaxnamesArgs.class, (c, a) -> new NamesRet(c.interfaces().names(false, a.maxnames())));
        t.on(128, NameArgs.class, (c, a) -> new InterfaceRet(Handles.wire(c.interfaces().lookupByName(a.name()))));
        t.on(129, InterfaceLookupByMacStringArgs.class, (c, a) ->
                new InterfaceRet(Handles.wire(c.interfaces().lookupByMac(a.mac()))));
        t.on(130, InterfaceFlagsArgs.class, (c, a) ->
                new XmlRet(c.interfaces().xmlDesc(iface(a.iface()), a.flags())));
        t.on(156, InterfaceArgs.class, (c, a) -> new ActiveRet(c.interfaces().isActive(iface(a.iface())) ? 1 : 0));
        t.on(131, XmlFlagsArgs.class, (c, a) ->
                new InterfaceRet(Handles.wire(c.interfaces().define(a.xml(), a.flags()))));
        t.on(132, InterfaceArgs.class, (c, a) -> none(() -> c.interfaces().undefine(iface(a.iface()))));
        t.on(133, InterfaceFlagsArgs.class, (c, a) -> none(() -> c.interfaces().create(iface(a.iface()), a.flags())));
        t.on(134, InterfaceFlagsArgs.class, (c, a) -> none(() -> c.interfaces().destroy(iface(a.iface()), a.flags())));
    }

    private static XdrVoid none(Runnable call) {
        call.run();
        return XdrVoid.INSTANCE;
    }
}
