package io.jvirtd.rpc.internal;

import java.util.List;
import java.util.function.Consumer;

import io.jvirtd.api.driver.ConnectDriver;
import io.jvirtd.api.driver.ConnectRequest;
import io.jvirtd.api.driver.Driver;
import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.driver.DriverRegistry;
import io.jvirtd.api.driver.NodeInfo;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.xdr.codec.XdrVoid;
import io.jvirtd.xdr.remote.AuthListRet;
import io.jvirtd.xdr.remote.ConnectGetCapabilitiesRet;
import io.jvirtd.xdr.remote.ConnectGetHostnameRet;
import io.jvirtd.xdr.remote.ConnectGetLibVersionRet;
import io.jvirtd.xdr.remote.ConnectGetMaxVcpusArgs;
import io.jvirtd.xdr.remote.ConnectGetMaxVcpusRet;
import io.jvirtd.xdr.remote.ConnectGetSysinfoArgs;
import io.jvirtd.xdr.remote.ConnectGetSysinfoRet;
import io.jvirtd.xdr.remote.ConnectGetTypeRet;
import io.jvirtd.xdr.remote.ConnectGetUriRet;
import io.jvirtd.xdr.remote.ConnectGetVersionRet;
import io.jvirtd.xdr.remote.ConnectIsSecureRet;
import io.jvirtd.xdr.remote.ConnectOpenArgs;
import io.jvirtd.xdr.remote.ConnectSupportsFeatureArgs;
import io.jvirtd.xdr.remote.ConnectSupportsFeatureRet;
import io.jvirtd.xdr.remote.NodeGetFreeMemoryRet;
import io.jvirtd.xdr.remote.NodeGetInfoRet;
import io.jvirtd.xdr.remote.NodeGetSecurityModelRet;
import io.jvirtd.xdr.remote.RemoteProgram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection procedures: authentication list, features, open / close (routing a URI to the
 * hypervisor driver of its scheme), and the host calls answered by the connection's driver.
 */
final class ConnectProcedures {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectProcedures.class);
    /** The libvirt version jvirtd answers for (the protocol of libvirt 9.0.0). */
    static final long LIB_VERSION = 9_000_000L;
    /** The URI opened when a client sends none (libvirtd would probe; jvirtd's embedded default). */
    static final String DEFAULT_URI = "test:///default";

    /** virDrvFeature numbers the daemon answers itself. */
    private static final int FEATURE_PROGRAM_KEEPALIVE = 10;
    private static final int FEATURE_REMOTE_EVENT_CALLBACK = 14;
    private static final int FEATURE_REMOTE_CLOSE_CALLBACK = 15;

    private final DriverRegistry drivers; // immutable
    private final Consumer<Client> startKeepalive; // immutable
    private final Consumer<Client> closeConnection; // immutable

    ConnectProcedures(DriverRegistry drivers, Consumer<Client> startKeepalive, Consumer<Client> closeConnection) {
        this.drivers = drivers;
        this.startKeepalive = startKeepalive;
        this.closeConnection = closeConnection;
    }

    void register(HandlerTable t) {
        t.on(66, call -> new AuthListRet(List.of(RemoteProgram.AUTH_NONE)));
        t.on(60, ConnectSupportsFeatureArgs.class, (call, a) ->
                new ConnectSupportsFeatureRet(supportsFeature(call.client, a.feature()) ? 1 : 0));
        t.on(1, ConnectOpenArgs.class, (call, a) -> open(call.client, a));
        t.on(2, call -> {
            closeConnection.accept(call.client);
            return XdrVoid.INSTANCE;
        });
        t.on(3, call -> new ConnectGetTypeRet(call.connection().type()));
        t.on(4, call -> new ConnectGetVersionRet(call.connection().version()));
        t.on(157, call -> new ConnectGetLibVersionRet(LIB_VERSION));
        t.on(59, call -> new ConnectGetHostnameRet(call.connection().hostname()));
        t.on(110, call -> new ConnectGetUriRet(call.connection().uri()));
        t.on(7, call -> new ConnectGetCapabilitiesRet(call.connection().capabilities()));
        t.on(5, ConnectGetMaxVcpusArgs.class, (call, a) -> new ConnectGetMaxVcpusRet(call.connection().maxVcpus(a.type())));
        t.on(6, call -> nodeInfo(call.connection().nodeInfo()));
        t.on(102, call -> new NodeGetFreeMemoryRet(call.connection().freeMemory()));
        t.on(122, call -> {
            String[] model = call.connection().securityModel();
            return new NodeGetSecurityModelRet(model[0], model[1]);
        });
        t.on(149, call -> {
            call.connection();
            return new ConnectIsSecureRet("unix".equals(call.client.transport) ? 1 : 0);
        });
        t.on(203, ConnectGetSysinfoArgs.class, (call, a) -> new ConnectGetSysinfoRet(call.connection().sysinfo(a.flags())));
        t.on(360, call -> {
            call.connection();
            call.session().setCloseCallbackRegistered(true);
            return XdrVoid.INSTANCE;
        });
        t.on(361, call -> {
            call.connection();
            call.session().setCloseCallbackRegistered(false);
            return XdrVoid.INSTANCE;
        });
    }

    private boolean supportsFeature(Client client, int feature) {
        switch (feature) {
            case FEATURE_PROGRAM_KEEPALIVE:
                startKeepalive.accept(client);
                return true;
            case FEATURE_REMOTE_EVENT_CALLBACK:
            case FEATURE_REMOTE_CLOSE_CALLBACK:
                return true;
            default:
                // FD passing (8) is not offered: jvirtd does not serve CALL_WITH_FDS yet
                DriverConnection c = client.session.connection();
                return c != null && c.supportsFeature(feature);
        }
    }

    private XdrVoid open(Client client, ConnectOpenArgs args) {
        ClientSession s = client.session;
        if (!s.beginOpen()) {
            throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.RPC, "connection already open");
        }
        try {
            String uri = args.name() == null || args.name().isEmpty() ? DEFAULT_URI : args.name();
            int colon = uri.indexOf(':');
            String scheme = colon > 0 ? uri.substring(0, colon) : uri;
            Driver driver = drivers.forScheme(scheme).orElse(null);
            if (!(driver instanceof ConnectDriver connectDriver)) {
                throw new VirException(VirErrorCode.NO_CONNECT, VirErrorDomain.NONE, uri);
            }
            boolean readOnly = client.readOnlySocket || (args.flags() & 1) != 0;
            DriverConnection connection = connectDriver.open(new ConnectRequest(uri, readOnly));
            s.opened(connectDriver, connection, scheme, readOnly);
            LOG.info("{} opened {} with the {} driver{}", client, uri, driver.name(), readOnly ? " (read-only)" : "");
            return XdrVoid.INSTANCE;
        } catch (RuntimeException e) {
            s.openFailed();
            throw e;
        }
    }

    private static NodeGetInfoRet nodeInfo(NodeInfo n) {
        return new NodeGetInfoRet(n.model(), n.memoryKiB(), n.cpus(), n.mhz(), n.nodes(), n.sockets(), n.cores(),
                n.threads());
    }
}
