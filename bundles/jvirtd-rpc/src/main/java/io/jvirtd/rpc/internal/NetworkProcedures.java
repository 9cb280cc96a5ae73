package io.jvirtd.rpc.internal;

import static io.jvirtd.rpc.internal.Handles.network;

import java.util.List;

import io.jvirtd.api.network.NetworkRef;
import io.jvirtd.xdr.codec.XdrVoid;
import io.jvirtd.xdr.remote.ActiveRet;
import io.jvirtd.xdr.remote.AutostartRet;
import io.jvirtd.xdr.remote.ConnectListAllNetworksRet;
import io.jvirtd.xdr.remote.ListAllArgs;
import io.jvirtd.xdr.remote.MaxnamesArgs;
import io.jvirtd.xdr.remote.NameArgs;
import io.jvirtd.xdr.remote.NameRet;
import io.jvirtd.xdr.remote.NamesRet;
import io.jvirtd.xdr.remote.NetworkArgs;
import io.jvirtd.xdr.remote.NetworkFlagsArgs;
import io.jvirtd.xdr.remote.NetworkRet;
import io.jvirtd.xdr.remote.NetworkSetAutostartArgs;
import io.jvirtd.xdr.remote.NumRet;
import io.jvirtd.xdr.remote.PersistentRet;
import io.jvirtd.xdr.remote.UuidArgs;
import io.jvirtd.xdr.remote.XmlArgs;
import io.jvirtd.xdr.remote.XmlFlagsArgs;
import io.jvirtd.xdr.remote.XmlRet;

/** The network procedures: wire records to {@link io.jvirtd.api.network.NetworkDriver} calls and back. */
final class NetworkProcedures {
    private NetworkProcedures() {
    }

    static void register(HandlerTable t) {
        t.on(283, ListAllArgs.class, (c, a) -> {
            List<NetworkRef> all = c.networks().listAll(a.flags());
            return new ConnectListAllNetworksRet(Handles.results(a.needResults(), all.stream().map(Handles::wire)
                    .toList()), all.size());
        });
        t.on(52, c -> new NumRet(c.networks().names(true, Integer.MAX_VALUE).size()));
        t.on(38, MaxnamesArgs.class, (c, a) -> new NamesRet(c.networks().names(true, a.maxnames())));
        t.on(50, c -> new NumRet(c.networks().names(false, Integer.MAX_VALUE).size()));
        t.on(36, MaxnamesArgs.class, (c, a) -> new NamesRet(c.networks().names(false, a.maxnames())));
        t.on(46, NameArgs.class, (c, a) -> ret(c.networks().lookupByName(a.name())));
        t.on(47, UuidArgs.class, (c, a) -> ret(c.networks().lookupByUuid(a.uuid())));
        t.on(43, NetworkFlagsArgs.class, (c, a) -> new XmlRet(c.networks().xmlDesc(network(a.net()), a.flags())));
        t.on(39, NetworkArgs.class, (c, a) -> none(() -> c.networks().create(network(a.net()))));
        t.on(40, XmlArgs.class, (c, a) -> ret(c.networks().createXml(a.xml(), 0)));
        t.on(437, XmlFlagsArgs.class, (c, a) -> ret(c.networks().createXml(a.xml(), a.flags())));
        t.on(42, NetworkArgs.class, (c, a) -> none(() -> c.networks().destroy(network(a.net()))));
        t.on(41, XmlArgs.class, (c, a) -> ret(c.networks().define(a.xml(), 0)));
        t.on(432, XmlFlagsArgs.class, (c, a) -> ret(c.networks().define(a.xml(), a.flags())));
        t.on(49, NetworkArgs.class, (c, a) -> none(() -> c.networks().undefine(network(a.net()))));
        t.on(152, NetworkArgs.class, (c, a) -> new ActiveRet(c.networks().isActive(network(a.net())) ? 1 : 0));
        t.on(153, NetworkArgs.class, (c, a) ->
                new PersistentRet(c.networks().isPersistent(network(a.net())) ? 1 : 0));
        t.on(44, NetworkArgs.class, (c, a) -> new AutostartRet(c.networks().autostart(network(a.net())) ? 1 : 0));
        t.on(48, NetworkSetAutostartArgs.class, (c, a) ->
                none(() -> c.networks().setAutostart(network(a.net()), a.autostart() != 0)));
        t.on(45, NetworkArgs.class, (c, a) -> new NameRet(c.networks().bridgeName(network(a.net()))));
    }

    private static NetworkRet ret(NetworkRef n) {
        return new NetworkRet(Handles.wire(n));
    }

    private static XdrVoid none(Runnable call) {
        call.run();
        return XdrVoid.INSTANCE;
    }
}
