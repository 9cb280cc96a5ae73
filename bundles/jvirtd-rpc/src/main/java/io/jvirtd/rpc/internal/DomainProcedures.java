package io.jvirtd.rpc.internal;

import static io.jvirtd.rpc.internal.Handles.domain;
import static io.jvirtd.rpc.internal.Handles.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import io.jvirtd.api.domain.DomainInfo;
import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.domain.DomainState;
import io.jvirtd.api.domain.SecurityLabel;
import io.jvirtd.api.domain.VcpuInfo;
import io.jvirtd.api.driver.CpuMap;
import io.jvirtd.api.driver.TypedParameter;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.xdr.codec.XdrVoid;
import io.jvirtd.xdr.remote.ActiveRet;
import io.jvirtd.xdr.remote.AutostartRet;
import io.jvirtd.xdr.remote.ConnectListAllDomainsRet;
import io.jvirtd.xdr.remote.ConnectListDomainsArgs;
import io.jvirtd.xdr.remote.ConnectListDomainsRet;
import io.jvirtd.xdr.remote.DomainArgs;
import io.jvirtd.xdr.remote.DomainFlagsArgs;
import io.jvirtd.xdr.remote.DomainGetEmulatorPinInfoArgs;
import io.jvirtd.xdr.remote.DomainGetEmulatorPinInfoRet;
import io.jvirtd.xdr.remote.DomainGetInfoRet;
import io.jvirtd.xdr.remote.DomainGetMaxMemoryRet;
import io.jvirtd.xdr.remote.DomainGetMessagesRet;
import io.jvirtd.xdr.remote.DomainGetOsTypeRet;
import io.jvirtd.xdr.remote.DomainGetSchedulerParametersArgs;
import io.jvirtd.xdr.remote.DomainGetSchedulerParametersFlagsArgs;
import io.jvirtd.xdr.remote.DomainGetSchedulerParametersRet;
import io.jvirtd.xdr.remote.DomainGetSchedulerTypeRet;
import io.jvirtd.xdr.remote.DomainGetSecurityLabelRet;
import io.jvirtd.xdr.remote.DomainGetStateRet;
import io.jvirtd.xdr.remote.DomainGetVcpuPinInfoArgs;
import io.jvirtd.xdr.remote.DomainGetVcpuPinInfoRet;
import io.jvirtd.xdr.remote.DomainGetVcpusArgs;
import io.jvirtd.xdr.remote.DomainGetVcpusRet;
import io.jvirtd.xdr.remote.DomainHasManagedSaveImageRet;
import io.jvirtd.xdr.remote.DomainIsUpdatedRet;
import io.jvirtd.xdr.remote.DomainListAllSnapshotsArgs;
import io.jvirtd.xdr.remote.DomainListAllSnapshotsRet;
import io.jvirtd.xdr.remote.DomainLookupByIdArgs;
import io.jvirtd.xdr.remote.DomainMemoryArgs;
import io.jvirtd.xdr.remote.DomainRet;
import io.jvirtd.xdr.remote.DomainSetAutostartArgs;
import io.jvirtd.xdr.remote.DomainSetMemoryFlagsArgs;
import io.jvirtd.xdr.remote.DomainSetSchedulerParametersArgs;
import io.jvirtd.xdr.remote.DomainSetSchedulerParametersFlagsArgs;
import io.jvirtd.xdr.remote.DomainSetVcpusArgs;
import io.jvirtd.xdr.remote.DomainSetVcpusFlagsArgs;
import io.jvirtd.xdr.remote.ListAllArgs;
import io.jvirtd.xdr.remote.MaxnamesArgs;
import io.jvirtd.xdr.remote.NameArgs;
import io.jvirtd.xdr.remote.NamesRet;
import io.jvirtd.xdr.remote.NodeGetCellsFreeMemoryArgs;
import io.jvirtd.xdr.remote.NodeGetCellsFreeMemoryRet;
import io.jvirtd.xdr.remote.NodeGetCpuMapArgs;
import io.jvirtd.xdr.remote.NodeGetCpuMapRet;
import io.jvirtd.xdr.remote.NumRet;
import io.jvirtd.xdr.remote.PersistentRet;
import io.jvirtd.xdr.remote.RemoteNonnullDomainSnapshot;
import io.jvirtd.xdr.remote.RemoteVcpuInfo;
import io.jvirtd.xdr.remote.UuidArgs;
import io.jvirtd.xdr.remote.XmlArgs;
import io.jvirtd.xdr.remote.XmlFlagsArgs;
import io.jvirtd.xdr.remote.XmlRet;

/** The domain procedures: wire records to {@link io.jvirtd.api.domain.DomainDriver} calls and back. */
final class DomainProcedures {
    /** VIR_DOMAIN_XML_SECURE: refused on read-only connections. */
    private static final int XML_SECURE = 1;
    /** VIR_DOMAIN_VCPU_GUEST: refused on read-only connections. */
    private static final int VCPU_GUEST = 8;
    /** VIR_DOMAIN_MEM_MAXIMUM. */
    private static final int MEM_MAXIMUM = 4;

    private DomainProcedures() {
    }

    static void register(HandlerTable t) {
        t.on(273, ListAllArgs.class, (c, a) -> {
            List<DomainRef> all = c.domains().listAll(a.flags());
            return new ConnectListAllDomainsRet(Handles.results(a.needResults(), all.stream().map(Handles::wire)
                    .toList()), all.size());
        });
        t.on(37, ConnectListDomainsArgs.class, (c, a) -> new ConnectListDomainsRet(c.domains().activeIds(a.maxids())));
        t.on(51, c -> new NumRet(c.domains().activeIds(Integer.MAX_VALUE).size()));
        t.on(21, MaxnamesArgs.class, (c, a) -> new NamesRet(c.domains().inactiveNames(a.maxnames())));
        t.on(25, c -> new NumRet(c.domains().inactiveNames(Integer.MAX_VALUE).size()));
        t.on(22, DomainLookupByIdArgs.class, (c, a) -> ret(c.domains().lookupById(a.id())));
        t.on(23, NameArgs.class, (c, a) -> ret(c.domains().lookupByName(a.name())));
        t.on(24, UuidArgs.class, (c, a) -> ret(c.domains().lookupByUuid(a.uuid())));
        t.on(16, DomainArgs.class, (c, a) -> {
            DomainInfo i = c.domains().info(domain(a.dom()));
            return new DomainGetInfoRet(i.state(), i.maxMemoryKiB(), i.memoryKiB(), i.vcpus(), i.cpuTimeNs());
        });
        t.on(212, DomainFlagsArgs.class, (c, a) -> {
            DomainState s = c.domains().state(domain(a.dom()), a.flags());
            return new DomainGetStateRet(s.state(), s.reason());
        });
        t.on(14, DomainFlagsArgs.class, (c, a) -> {
            if ((a.flags() & XML_SECURE) != 0) {
                denyOnReadOnly(c, "virDomainGetXMLDesc with secure flag");
            }
            return new XmlRet(c.domains().xmlDesc(domain(a.dom()), a.flags()));
        });
        t.on(19, DomainArgs.class, (c, a) -> new DomainGetOsTypeRet(c.domains().osType(domain(a.dom()))));
        t.on(11, XmlArgs.class, (c, a) -> ret(c.domains().define(a.xml(), 0)));
        t.on(350, XmlFlagsArgs.class, (c, a) -> ret(c.domains().define(a.xml(), a.flags())));
        t.on(35, DomainArgs.class, (c, a) -> none(() -> c.domains().undefine(domain(a.dom()), 0)));
        t.on(231, DomainFlagsArgs.class, (c, a) -> none(() -> c.domains().undefine(domain(a.dom()), a.flags())));
        t.on(9, DomainArgs.class, (c, a) -> none(() -> c.domains().create(domain(a.dom()), 0)));
        t.on(196, DomainFlagsArgs.class, (c, a) -> ret(c.domains().create(domain(a.dom()), a.flags())));
        t.on(10, XmlFlagsArgs.class, (c, a) -> ret(c.domains().createXml(a.xml(), a.flags())));
        t.on(12, DomainArgs.class, (c, a) -> none(() -> c.domains().destroy(domain(a.dom()), 0)));
        t.on(234, DomainFlagsArgs.class, (c, a) -> none(() -> c.domains().destroy(domain(a.dom()), a.flags())));
        t.on(34, DomainArgs.class, (c, a) -> none(() -> c.domains().suspend(domain(a.dom()))));
        t.on(28, DomainArgs.class, (c, a) -> none(() -> c.domains().resume(domain(a.dom()))));
        t.on(33, DomainArgs.class, (c, a) -> none(() -> c.domains().shutdown(domain(a.dom()), 0)));
        t.on(258, DomainFlagsArgs.class, (c, a) -> none(() -> c.domains().shutdown(domain(a.dom()), a.flags())));
        t.on(27, DomainFlagsArgs.class, (c, a) -> none(() -> c.domains().reboot(domain(a.dom()), a.flags())));
        t.on(15, DomainArgs.class, (c, a) -> new AutostartRet(bit(c.domains().autostart(domain(a.dom())))));
        t.on(29, DomainSetAutostartArgs.class, (c, a) ->
                none(() -> c.domains().setAutostart(domain(a.dom()), a.autostart() != 0)));
        t.on(150, DomainArgs.class, (c, a) -> new ActiveRet(bit(c.domains().isActive(domain(a.dom())))));
        t.on(151, DomainArgs.class, (c, a) -> new PersistentRet(bit(c.domains().isPersistent(domain(a.dom())))));
        t.on(202, DomainArgs.class, (c, a) -> new DomainIsUpdatedRet(bit(c.domains().isUpdated(domain(a.dom())))));
        t.on(200, DomainFlagsArgs.class, (c, a) -> {
            if ((a.flags() & VCPU_GUEST) != 0) {
                denyOnReadOnly(c, "virDomainGetVcpusFlags with guest flag");
            }
            return new NumRet(c.domains().vcpuCount(domain(a.dom()), a.flags()));
        });
        t.on(18, DomainArgs.class, (c, a) -> new NumRet(c.domains().maxVcpus(domain(a.dom()))));
        t.on(32, DomainSetVcpusArgs.class, (c, a) -> none(() -> c.domains().setVcpus(domain(a.dom()), a.nvcpus(), 0)));
        t.on(199, DomainSetVcpusFlagsArgs.class, (c, a) ->
                none(() -> c.domains().setVcpus(domain(a.dom()), a.nvcpus(), a.flags())));
        t.on(17, DomainArgs.class, (c, a) -> new DomainGetMaxMemoryRet(c.domains().maxMemory(domain(a.dom()))));
        t.on(31, DomainMemoryArgs.class, (c, a) -> none(() -> c.domains().setMemory(domain(a.dom()), a.memory(), 0)));
        t.on(30, DomainMemoryArgs.class, (c, a) ->
                none(() -> c.domains().setMemory(domain(a.dom()), a.memory(), MEM_MAXIMUM)));
        t.on(204, DomainSetMemoryFlagsArgs.class, (c, a) ->
                none(() -> c.domains().setMemory(domain(a.dom()), a.memory(), a.flags())));
        t.on(183, DomainFlagsArgs.class, (c, a) ->
                new DomainHasManagedSaveImageRet(bit(c.domains().hasManagedSaveImage(domain(a.dom()), a.flags()))));
        t.on(184, DomainFlagsArgs.class, (c, a) ->
                none(() -> c.domains().managedSaveRemove(domain(a.dom()), a.flags())));
        t.on(187, DomainFlagsArgs.class, (c, a) -> new NumRet(c.domains().snapshotCount(domain(a.dom()), a.flags())));
        t.on(274, DomainListAllSnapshotsArgs.class, (c, a) -> {
            List<String> names = c.domains().snapshotNames(domain(a.dom()), Integer.MAX_VALUE, a.flags());
            List<RemoteNonnullDomainSnapshot> snapshots = names.stream()
                    .map(n -> new RemoteNonnullDomainSnapshot(n, a.dom())).toList();
            return new DomainListAllSnapshotsRet(Handles.results(a.needResults(), snapshots), names.size());
        });
        t.on(121, DomainArgs.class, (c, a) -> {
            SecurityLabel l = c.domains().securityLabel(domain(a.dom()));
            return new DomainGetSecurityLabelRet(l.label(), l.enforcing() ? 1 : 0);
        });
        t.on(426, DomainFlagsArgs.class, (c, a) -> new DomainGetMessagesRet(c.domains().messages(domain(a.dom()),
                a.flags())));
        t.on(56, DomainArgs.class, (c, a) -> {
            DomainRef d = domain(a.dom());
            String type = c.domains().schedulerType(d);
            return new DomainGetSchedulerTypeRet(type, c.domains().schedulerParameters(d, 0).size());
        });
        t.on(57, DomainGetSchedulerParametersArgs.class, (c, a) -> new DomainGetSchedulerParametersRet(Handles.wire(
                limit(c.domains().schedulerParameters(domain(a.dom()), 0), a.nparams()), 0)));
        t.on(223, DomainGetSchedulerParametersFlagsArgs.class, (c, a) -> new DomainGetSchedulerParametersRet(
                Handles.wire(limit(c.domains().schedulerParameters(domain(a.dom()), a.flags()), a.nparams()),
                        a.flags())));
        t.on(58, DomainSetSchedulerParametersArgs.class, (c, a) -> none(() ->
                c.domains().setSchedulerParameters(domain(a.dom()), Handles.params(a.params()), 0)));
        t.on(219, DomainSetSchedulerParametersFlagsArgs.class, (c, a) -> none(() ->
                c.domains().setSchedulerParameters(domain(a.dom()), Handles.params(a.params()), a.flags())));
        t.on(20, DomainGetVcpusArgs.class, (c, a) -> {
            List<VcpuInfo> info = c.domains().vcpuInfo(domain(a.dom()), a.maxinfo(), a.maplen());
            List<RemoteVcpuInfo> out = new ArrayList<>();
            ByteArrayOutputStream maps = new ByteArrayOutputStream();
            for (VcpuInfo v : info) {
                out.add(new RemoteVcpuInfo(v.number(), v.state(), v.cpuTimeNs(), v.cpu()));
                maps.writeBytes(v.cpuMap());
            }
            return new DomainGetVcpusRet(out, maps.toByteArray());
        });
        t.on(230, DomainGetVcpuPinInfoArgs.class, (c, a) -> {
            List<byte[]> maps = c.domains().vcpuPinInfo(domain(a.dom()), a.ncpumaps(), a.maplen(), a.flags());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            maps.forEach(bytes::writeBytes);
            return new DomainGetVcpuPinInfoRet(bytes.toByteArray(), maps.size());
        });
        t.on(280, DomainGetEmulatorPinInfoArgs.class, (c, a) -> new DomainGetEmulatorPinInfoRet(
                c.domains().emulatorPinInfo(domain(a.dom()), a.maplen(), a.flags()), 1));
        t.on(101, NodeGetCellsFreeMemoryArgs.class, (c, a) -> new NodeGetCellsFreeMemoryRet(
                c.connection().cellsFreeMemory(a.startCell(), a.maxcells())));
        t.on(293, NodeGetCpuMapArgs.class, (c, a) -> {
            CpuMap m = c.connection().cpuMap(a.flags());
            return new NodeGetCpuMapRet(a.needMap() != 0 ? m.online() : new byte[0],
                    a.needOnline() != 0 ? m.onlineCount() : 0, m.cpus());
        });
    }

    private static DomainRet ret(DomainRef d) {
        return new DomainRet(wire(d));
    }

    private static XdrVoid none(Runnable call) {
        call.run();
        return XdrVoid.INSTANCE;
    }

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }

    private static List<TypedParameter> limit(List<TypedParameter> params, int max) {
        return params.size() <= max ? params : params.subList(0, Math.max(0, max));
    }

    private static void denyOnReadOnly(Call c, String what) {
        if (c.client.readOnlySocket || c.session().readOnly()) {
            throw new VirException(VirErrorCode.OPERATION_DENIED, VirErrorDomain.DOMAIN, what);
        }
    }
}
