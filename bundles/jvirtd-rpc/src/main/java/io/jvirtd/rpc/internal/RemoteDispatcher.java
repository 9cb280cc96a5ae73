package io.jvirtd.rpc.internal;

import java.util.List;
import java.util.Optional;
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
import io.jvirtd.xdr.XdrException;
import io.jvirtd.xdr.codec.XdrCodec;
import io.jvirtd.xdr.codec.XdrCodecs;
import io.jvirtd.xdr.codec.XdrVoid;
import io.jvirtd.xdr.message.Frame;
import io.jvirtd.xdr.message.Frames;
import io.jvirtd.xdr.message.MessageHeader;
import io.jvirtd.xdr.message.MessageStatus;
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
import io.jvirtd.xdr.remote.ProcedureDescriptor;
import io.jvirtd.xdr.remote.RemoteError;
import io.jvirtd.xdr.remote.RemoteProcedures;
import io.jvirtd.xdr.remote.RemoteProgram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one REMOTE-program call on a worker thread, with no lock held: decodes the arguments with
 * the procedure table's codec, performs the procedure, encodes the reply or a {@code remote_error}.
 * Arguments and results are never marshalled by hand; only each procedure's behaviour is written here.
 */
final class RemoteDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteDispatcher.class);
    /** The libvirt version jvirtd answers for (the protocol of libvirt 9.0.0). */
    static final long LIB_VERSION = 9_000_000L;
    /** The URI opened when a client sends none (libvirtd would probe; jvirtd's embedded default). */
    static final String DEFAULT_URI = "test:///default";
    private static final XdrCodec<RemoteError> ERROR = XdrCodecs.of(RemoteError.class);

    /** virDrvFeature numbers the daemon answers itself. */
    private static final int FEATURE_FD_PASSING = 8;
    private static final int FEATURE_PROGRAM_KEEPALIVE = 10;
    private static final int FEATURE_REMOTE_EVENT_CALLBACK = 14;
    private static final int FEATURE_REMOTE_CLOSE_CALLBACK = 15;

    private final DriverRegistry drivers;
    private final Consumer<Client> startKeepalive;

    RemoteDispatcher(DriverRegistry drivers, Consumer<Client> startKeepalive) {
        this.drivers = drivers;
        this.startKeepalive = startKeepalive;
    }

    /** The whole reply message (length word included) for a CALL of the REMOTE program. */
    byte[] dispatch(Client client, Frame frame) {
        MessageHeader header = frame.header();
        Optional<ProcedureDescriptor> descriptor = RemoteProcedures.byNumber(header.procedure());
        if (descriptor.isEmpty()) {
            return errorReply(header, rpcError("unknown procedure: " + header.procedure()));
        }
        ProcedureDescriptor p = descriptor.get();
        Object args;
        try {
            args = XdrCodecs.of(p.args()).decode(frame.payload());
        } catch (XdrException e) {
            LOG.warn("{}: cannot decode the arguments of {}: {}", client, p.name(), e.getMessage());
            return errorReply(header, rpcError("Unable to decode message payload"));
        }
        try {
            if (!p.readOnlyAllowed() && (client.readOnlySocket || client.session.readOnly())) {
                throw new VirException(VirErrorCode.OPERATION_DENIED, errorDomainOf(p),
                        "read only access prevents " + apiName(p));
            }
            Object ret = call(client, p, args);
            return reply(header, p, ret);
        } catch (VirException e) {
            return errorReply(header, e);
        } catch (RuntimeException e) {
            LOG.error("{}: {} failed unexpectedly", client, p.name(), e);
            return errorReply(header, new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.RPC,
                    p.name() + " failed: " + e));
        }
    }

    /** The error domain of an API family, as libvirt's public API reports it. */
    static VirErrorDomain errorDomainOf(ProcedureDescriptor p) {
        String n = p.name();
        if (n.startsWith("domain_")) {
            return VirErrorDomain.DOMAIN;
        }
        if (n.startsWith("network_")) {
            return VirErrorDomain.NETWORK;
        }
        if (n.startsWith("storage_")) {
            return VirErrorDomain.STORAGE;
        }
        if (n.startsWith("node_device_")) {
            return VirErrorDomain.NODEDEV;
        }
        return VirErrorDomain.NONE;
    }

    /** libvirt's public API name of a procedure: domain_destroy → virDomainDestroy. */
    static String apiName(ProcedureDescriptor p) {
        StringBuilder sb = new StringBuilder("vir");
        for (String part : p.name().split("_")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static <T> byte[] reply(MessageHeader call, ProcedureDescriptor p, Object ret) {
        return Frames.encode(call.reply(MessageStatus.OK), (XdrCodec<T>) XdrCodecs.of(p.ret()), (T) ret);
    }

    /** An error reply for a call, as libvirtd sends it. */
    static byte[] errorReply(MessageHeader call, VirException e) {
        RemoteError error = RemoteError.of(e.code().number(), e.domain().number(), e.getMessage(), e.template(),
                e.detail());
        return Frames.encode(call.reply(MessageStatus.ERROR), ERROR, error);
    }

    static VirException rpcError(String message) {
        return new VirException(VirErrorCode.RPC, VirErrorDomain.RPC, message);
    }

    private Object call(Client client, ProcedureDescriptor p, Object args) {
        ClientSession s = client.session;
        return switch (p.number()) {
            case 66 -> new AuthListRet(List.of(RemoteProgram.AUTH_NONE));
            case 60 -> new ConnectSupportsFeatureRet(supportsFeature(client, ((ConnectSupportsFeatureArgs) args).feature()) ? 1 : 0);
            case 1 -> open(client, (ConnectOpenArgs) args);
            case 2 -> {
                closeConnection(client);
                yield XdrVoid.INSTANCE;
            }
            case 3 -> new ConnectGetTypeRet(connection(s).type());
            case 4 -> new ConnectGetVersionRet(connection(s).version());
            case 157 -> new ConnectGetLibVersionRet(LIB_VERSION);
            case 59 -> new ConnectGetHostnameRet(connection(s).hostname());
            case 110 -> new ConnectGetUriRet(connection(s).uri());
            case 7 -> new ConnectGetCapabilitiesRet(connection(s).capabilities());
            case 5 -> new ConnectGetMaxVcpusRet(connection(s).maxVcpus(((ConnectGetMaxVcpusArgs) args).type()));
            case 6 -> nodeInfo(connection(s).nodeInfo());
            case 102 -> new NodeGetFreeMemoryRet(connection(s).freeMemory());
            case 122 -> {
                String[] model = connection(s).securityModel();
                yield new NodeGetSecurityModelRet(model[0], model[1]);
            }
            case 149 -> {
                connection(s);
                yield new ConnectIsSecureRet("unix".equals(client.transport) ? 1 : 0);
            }
            case 203 -> new ConnectGetSysinfoRet(connection(s).sysinfo(((ConnectGetSysinfoArgs) args).flags()));
            case 360 -> {
                connection(s);
                s.setCloseCallbackRegistered(true);
                yield XdrVoid.INSTANCE;
            }
            case 361 -> {
                connection(s);
                s.setCloseCallbackRegistered(false);
                yield XdrVoid.INSTANCE;
            }
            default -> throw rpcError("unknown procedure: " + p.number());
        };
    }

    private boolean supportsFeature(Client client, int feature) {
        switch (feature) {
            case FEATURE_PROGRAM_KEEPALIVE:
                startKeepalive.accept(client);
                return true;
            case FEATURE_FD_PASSING:
            case FEATURE_REMOTE_EVENT_CALLBACK:
            case FEATURE_REMOTE_CLOSE_CALLBACK:
                return true;
            default:
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

    /** Closes the client's hypervisor connection, if any (connect_close, or the client went away). */
    void closeConnection(Client client) {
        DriverConnection c = client.session.detach();
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.warn("{}: closing its driver connection failed", client, e);
            }
        }
    }

    /** The client's open connection, if its driver is still loaded. */
    private DriverConnection connection(ClientSession s) {
        DriverConnection c = s.connection();
        if (c == null) {
            throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.RPC, "hypervisor connection not open");
        }
        ConnectDriver driver = s.driver();
        if (driver != null && drivers.forScheme(s.scheme()).orElse(null) != driver) {
            throw new VirException(VirErrorCode.NO_CONNECT, VirErrorDomain.NONE, s.scheme()
                    + ": the " + driver.name() + " driver was unloaded (its bundle stopped); reconnect to use it again");
        }
        return c;
    }

    private static NodeGetInfoRet nodeInfo(NodeInfo n) {
        return new NodeGetInfoRet(n.model(), n.memoryKiB(), n.cpus(), n.mhz(), n.nodes(), n.sockets(), n.cores(),
                n.threads());
    }
}
