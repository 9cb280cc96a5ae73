package io.jvirtd.rpc.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Supplier;

import io.jvirtd.api.admin.LoggingControl;
import io.jvirtd.api.dispatch.WorkerPool;
import io.jvirtd.api.dispatch.WorkerPoolStats;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.xdr.XdrException;
import io.jvirtd.xdr.admin.AdminNonnullClient;
import io.jvirtd.xdr.admin.AdminNonnullServer;
import io.jvirtd.xdr.admin.AdminProcedures;
import io.jvirtd.xdr.admin.AdminProgram;
import io.jvirtd.xdr.admin.ClientArgs;
import io.jvirtd.xdr.admin.ClientGetInfoRet;
import io.jvirtd.xdr.admin.ClientRet;
import io.jvirtd.xdr.admin.ConnectGetLibVersionRet;
import io.jvirtd.xdr.admin.ConnectGetLoggingFiltersRet;
import io.jvirtd.xdr.admin.ConnectGetLoggingOutputsRet;
import io.jvirtd.xdr.admin.ConnectSetLoggingArgs;
import io.jvirtd.xdr.admin.ConnectListServersArgs;
import io.jvirtd.xdr.admin.ConnectListServersRet;
import io.jvirtd.xdr.admin.ConnectLookupServerArgs;
import io.jvirtd.xdr.admin.FlagsArgs;
import io.jvirtd.xdr.admin.ServerArgs;
import io.jvirtd.xdr.admin.ServerListClientsArgs;
import io.jvirtd.xdr.admin.ServerListClientsRet;
import io.jvirtd.xdr.admin.ServerLookupClientArgs;
import io.jvirtd.xdr.admin.ServerParametersRet;
import io.jvirtd.xdr.admin.ServerRet;
import io.jvirtd.xdr.admin.ServerSetParametersArgs;
import io.jvirtd.xdr.codec.XdrCodec;
import io.jvirtd.xdr.codec.XdrCodecs;
import io.jvirtd.xdr.codec.XdrVoid;
import io.jvirtd.xdr.message.Frame;
import io.jvirtd.xdr.message.Frames;
import io.jvirtd.xdr.message.MessageHeader;
import io.jvirtd.xdr.message.MessageStatus;
import io.jvirtd.xdr.remote.ProcedureDescriptor;
import io.jvirtd.xdr.remote.RemoteTypedParam;
import io.jvirtd.xdr.remote.RemoteTypedParamValue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one ADMIN-program call (virt-admin) on a worker of the admin server, with no lock held:
 * decodes the arguments with the procedure table's codec, performs the procedure against the
 * daemon's servers, encodes the reply or a {@code remote_error} with libvirt's codes and words.
 * Logging settings (14–17) go to the {@link LoggingControl} service; TLS file reloads and the daemon
 * timeout (18, 19) are not served and answer VIR_ERR_NO_SUPPORT.
 */
final class AdminDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AdminDispatcher.class);
    private static final Duration PEER_LOOKUP_TIMEOUT = Duration.ofSeconds(5);
    private static final String[] TYPE_NAMES = {"", "int", "uint", "llong", "ullong", "double", "boolean", "string"};

    private final Supplier<List<NetServer>> servers; // immutable
    private final ServerAdministration administration; // immutable
    private final Supplier<LoggingControl> logging; // immutable; supplies null while no logging bundle runs

    AdminDispatcher(Supplier<List<NetServer>> servers, ServerAdministration administration,
            Supplier<LoggingControl> logging) {
        this.servers = servers;
        this.administration = administration;
        this.logging = logging;
    }

    /** The whole reply message (length word included) for a CALL of the ADMIN program. */
    byte[] dispatch(Client client, Frame frame) {
        MessageHeader header = frame.header();
        Optional<ProcedureDescriptor> descriptor = AdminProcedures.TABLE.procedure(header.procedure());
        if (descriptor.isEmpty()) {
            return RemoteDispatcher.errorReply(header,
                    RemoteDispatcher.rpcError("unknown procedure: " + header.procedure()));
        }
        ProcedureDescriptor p = descriptor.get();
        Object args;
        try {
            args = XdrCodecs.of(p.args()).decode(frame.payload());
        } catch (XdrException e) {
            LOG.warn("{}: cannot decode the arguments of {}: {}", client, p.name(), e.getMessage());
            return RemoteDispatcher.errorReply(header, RemoteDispatcher.rpcError("Unable to decode message payload"));
        }
        try {
            return reply(header, p, call(p, args));
        } catch (VirException e) {
            return RemoteDispatcher.errorReply(header, e);
        } catch (RuntimeException e) {
            LOG.error("{}: admin {} failed unexpectedly", client, p.name(), e);
            return RemoteDispatcher.errorReply(header, new VirException(VirErrorCode.INTERNAL_ERROR,
                    VirErrorDomain.ADMIN, p.name() + " failed: " + e));
        }
    }

    private Object call(ProcedureDescriptor p, Object args) {
        switch (p.number()) {
            case 1, 2:
                return XdrVoid.INSTANCE;
            case 3:
                return new ConnectGetLibVersionRet(ConnectProcedures.LIB_VERSION);
            case 4: {
                ConnectListServersArgs a = (ConnectListServersArgs) args;
                List<NetServer> all = servers.get();
                return new ConnectListServersRet(a.needResults() != 0
                        ? all.stream().map(s -> new AdminNonnullServer(s.name)).toList() : List.of(), all.size());
            }
            case 5:
                return new ServerRet(new AdminNonnullServer(server(((ConnectLookupServerArgs) args).name()).name));
            case 6:
                return new ServerParametersRet(threadpoolParameters(server(((ServerArgs) args).srv()).workers));
            case 7: {
                ServerSetParametersArgs a = (ServerSetParametersArgs) args;
                setThreadpoolParameters(server(a.srv()).workers, a.params());
                return XdrVoid.INSTANCE;
            }
            case 8: {
                ServerListClientsArgs a = (ServerListClientsArgs) args;
                NetServer srv = server(a.srv());
                List<Client> clients = srv.clients();
                return new ServerListClientsRet(a.needResults() != 0
                        ? clients.stream().map(c -> handle(srv, c)).toList() : List.of(), clients.size());
            }
            case 9: {
                ServerLookupClientArgs a = (ServerLookupClientArgs) args;
                NetServer srv = server(a.srv());
                return new ClientRet(handle(srv, client(srv, a.id())));
            }
            case 10: {
                AdminNonnullClient h = ((ClientArgs) args).clnt();
                NetServer srv = server(h.srv());
                return new ClientGetInfoRet(clientInfo(client(srv, h.id())));
            }
            case 11: {
                AdminNonnullClient h = ((ClientArgs) args).clnt();
                NetServer srv = server(h.srv());
                administration.disconnect(srv, client(srv, h.id()));
                return XdrVoid.INSTANCE;
            }
            case 12:
                return new ServerParametersRet(clientLimits(server(((ServerArgs) args).srv())));
            case 13: {
                ServerSetParametersArgs a = (ServerSetParametersArgs) args;
                setClientLimits(server(a.srv()), a.params());
                return XdrVoid.INSTANCE;
            }
            case 14: {
                String outputs = logging(p).outputs();
                return new ConnectGetLoggingOutputsRet(outputs, count(outputs));
            }
            case 15: {
                String filters = logging(p).filters();
                return new ConnectGetLoggingFiltersRet(filters.isEmpty() ? null : filters, count(filters));
            }
            case 16:
                logging(p).setOutputs(Objects.requireNonNullElse(((ConnectSetLoggingArgs) args).value(), ""));
                return XdrVoid.INSTANCE;
            case 17:
                logging(p).setFilters(Objects.requireNonNullElse(((ConnectSetLoggingArgs) args).value(), ""));
                return XdrVoid.INSTANCE;
            default:
                throw VirException.of(VirErrorCode.NO_SUPPORT, VirErrorDomain.ADMIN, "%s",
                        "virAdm" + RemoteDispatcher.apiName(p).substring("vir".length()));
        }
    }

    // ---- servers and clients ----

    private NetServer server(AdminNonnullServer handle) {
        return server(handle.name());
    }

    private NetServer server(String name) {
        return administration.server(name);
    }

    private static Client client(NetServer srv, long id) {
        return ServerAdministration.client(srv, id);
    }

    /** The logging bundle's service, or VIR_ERR_NO_SUPPORT naming the API while it is not running. */
    private LoggingControl logging(ProcedureDescriptor p) {
        LoggingControl control = logging.get();
        if (control == null) {
            throw VirException.of(VirErrorCode.NO_SUPPORT, VirErrorDomain.ADMIN, "%s (the jvirtd-logging bundle is not running)",
                    "virAdm" + RemoteDispatcher.apiName(p).substring("vir".length()));
        }
        return control;
    }

    /** How many space-separated settings a filters or outputs string holds. */
    private static int count(String settings) {
        String trimmed = settings.trim();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    private static AdminNonnullClient handle(NetServer srv, Client c) {
        int transport = "tcp".equals(c.transport) ? AdminProgram.TRANSPORT_TCP : AdminProgram.TRANSPORT_UNIX;
        return new AdminNonnullClient(new AdminNonnullServer(srv.name), c.id, c.connectedAt, transport);
    }

    /** virAdmClientGetInfo's parameters: readonly, then the unix identity or the TCP peer address. */
    private static List<RemoteTypedParam> clientInfo(Client c) {
        List<RemoteTypedParam> params = new ArrayList<>();
        params.add(param("readonly", new RemoteTypedParamValue.OfBoolean(c.readOnlySocket || c.session.readOnly())));
        if (c.peer != null) {
            PeerCredentials creds = c.peer.resolve(PEER_LOOKUP_TIMEOUT); // may run ss: fine on a worker
            if (creds.uid() != PeerCredentials.UNKNOWN) {
                params.add(param("unix_user_id", new RemoteTypedParamValue.OfInt((int) creds.uid())));
            }
            if (creds.userName() != null) {
                params.add(param("unix_user_name", new RemoteTypedParamValue.OfString(creds.userName())));
            }
            if (creds.gid() != PeerCredentials.UNKNOWN) {
                params.add(param("unix_group_id", new RemoteTypedParamValue.OfInt((int) creds.gid())));
            }
            if (creds.groupName() != null) {
                params.add(param("unix_group_name", new RemoteTypedParamValue.OfString(creds.groupName())));
            }
            if (creds.pid() != PeerCredentials.UNKNOWN) {
                params.add(param("unix_process_id", new RemoteTypedParamValue.OfInt((int) creds.pid())));
            }
        } else {
            String addr = ServerAdministration.socketAddress(c);
            if (addr != null) {
                params.add(param("sock_addr", new RemoteTypedParamValue.OfString(addr)));
            }
        }
        return params;
    }

    // ---- thread pool ----

    private static List<RemoteTypedParam> threadpoolParameters(WorkerPool pool) {
        WorkerPoolStats s = pool.stats();
        return List.of(uint("minWorkers", s.minWorkers()), uint("maxWorkers", s.maxWorkers()),
                uint("nWorkers", s.nWorkers()), uint("freeWorkers", s.freeWorkers()),
                uint("prioWorkers", s.prioWorkers()), uint("jobQueueDepth", s.jobQueueDepth()));
    }

    private static void setThreadpoolParameters(WorkerPool pool, List<RemoteTypedParam> params) {
        long[] v = uints(params, "minWorkers", "maxWorkers", "prioWorkers");
        // values beyond int are clamped: the pool then refuses them with libvirt's words
        pool.setParameters(clamp(v[0]), clamp(v[1]), clamp(v[2]));
    }

    private static int clamp(long value) {
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    // ---- client limits ----

    private static List<RemoteTypedParam> clientLimits(NetServer srv) {
        ClientLimits limits = srv.limits();
        return List.of(uint("nclients_max", limits.maxClients()), uint("nclients", srv.clients().size()),
                uint("nclients_unauth_max", limits.maxUnauthClients()), uint("nclients_unauth", 0));
    }

    private static void setClientLimits(NetServer srv, List<RemoteTypedParam> params) {
        long[] v = uints(params, "nclients_max", "nclients_unauth_max");
        srv.setLimits(v[0], v[1]);
    }

    // ---- typed parameters ----

    /**
     * The values of the named UINT parameters, -1 for each one absent; any other name or type is
     * refused as libvirt's virTypedParamsValidate refuses it.
     */
    private static long[] uints(List<RemoteTypedParam> params, String... names) {
        long[] values = new long[names.length];
        java.util.Arrays.fill(values, -1);
        for (RemoteTypedParam p : params) {
            int index = List.of(names).indexOf(p.field());
            if (index < 0) {
                throw VirException.of(VirErrorCode.ARGUMENT_UNSUPPORTED, VirErrorDomain.NONE,
                        "parameter '%s' not supported", p.field());
            }
            if (!(p.value() instanceof RemoteTypedParamValue.OfUInt u)) {
                throw VirException.of(VirErrorCode.INVALID_ARG, VirErrorDomain.NONE,
                        "invalid type '%s' for parameter '%s', expected 'uint'", typeName(p.value()), p.field());
            }
            values[index] = Integer.toUnsignedLong(u.ui());
        }
        return values;
    }

    private static String typeName(RemoteTypedParamValue value) {
        int arm = value.getClass().getAnnotation(io.jvirtd.xdr.codec.XdrArm.class).value();
        return arm > 0 && arm < TYPE_NAMES.length ? TYPE_NAMES[arm] : Integer.toString(arm);
    }

    private static RemoteTypedParam uint(String name, int value) {
        return param(name, new RemoteTypedParamValue.OfUInt(value));
    }

    private static RemoteTypedParam param(String name, RemoteTypedParamValue value) {
        return new RemoteTypedParam(name, value);
    }

    @SuppressWarnings("unchecked")
    private static <T> byte[] reply(MessageHeader call, ProcedureDescriptor p, Object ret) {
        return Frames.encode(call.reply(MessageStatus.OK), (XdrCodec<T>) XdrCodecs.of(p.ret()), (T) ret);
    }
}
