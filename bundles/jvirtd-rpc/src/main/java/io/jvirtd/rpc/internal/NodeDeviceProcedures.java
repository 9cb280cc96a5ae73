package io.jvirtd.rpc.internal;

import java.util.List;

import io.jvirtd.xdr.remote.ConnectListAllNodeDevicesRet;
import io.jvirtd.xdr.remote.ListAllArgs;
import io.jvirtd.xdr.remote.NameArgs;
import io.jvirtd.xdr.remote.NameFlagsArgs;
import io.jvirtd.xdr.remote.NodeDeviceGetParentRet;
import io.jvirtd.xdr.remote.NodeDeviceListCapsArgs;
import io.jvirtd.xdr.remote.NodeDeviceNamesRet;
import io.jvirtd.xdr.remote.NodeDeviceRet;
import io.jvirtd.xdr.remote.NodeListDevicesArgs;
import io.jvirtd.xdr.remote.NodeNumOfDevicesArgs;
import io.jvirtd.xdr.remote.NumRet;
import io.jvirtd.xdr.remote.RemoteNonnullNodeDevice;
import io.jvirtd.xdr.remote.XmlRet;

/** The node-device procedures, onto {@link io.jvirtd.api.nodedev.NodeDeviceDriver}. */
final class NodeDeviceProcedures {
    private NodeDeviceProcedures() {
    }

    static void register(HandlerTable t) {
        t.on(285, ListAllArgs.class, (c, a) -> {
            List<String> all = c.nodeDevices().listAll(a.flags());
            return new ConnectListAllNodeDevicesRet(Handles.results(a.needResults(), all.stream()
                    .map(RemoteNonnullNodeDevice::new).toList()), all.size());
        });
        t.on(111, NodeNumOfDevicesArgs.class, (c, a) -> new NumRet(c.nodeDevices().names(a.cap(), a.flags()).size()));
        t.on(112, NodeListDevicesArgs.class, (c, a) -> {
            List<String> names = c.nodeDevices().names(a.cap(), a.flags());
            return new NodeDeviceNamesRet(names.subList(0, Math.min(names.size(), Math.max(0, a.maxnames()))));
        });
        t.on(113, NameArgs.class, (c, a) ->
                new NodeDeviceRet(new RemoteNonnullNodeDevice(c.nodeDevices().lookupByName(a.name()))));
        t.on(114, NameFlagsArgs.class, (c, a) -> new XmlRet(c.nodeDevices().xmlDesc(a.name(), a.flags())));
        t.on(115, NameArgs.class, (c, a) -> new NodeDeviceGetParentRet(c.nodeDevices().parent(a.name())));
        t.on(116, NameArgs.class, (c, a) -> new NumRet(c.nodeDevices().capabilities(a.name()).size()));
        t.on(117, NodeDeviceListCapsArgs.class, (c, a) -> {
            List<String> caps = c.nodeDevices().capabilities(a.name());
            return new NodeDeviceNamesRet(caps.subList(0, Math.min(caps.size(), Math.max(0, a.maxnames()))));
        });
    }
}
