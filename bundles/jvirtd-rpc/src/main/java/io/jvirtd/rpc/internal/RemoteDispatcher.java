package io.jvirtd.rpc.internal;

import java.util.Optional;
import java.util.function.Consumer;

import io.jvirtd.api.driver.ConnectDriver;
import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.driver.DriverRegistry;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.xdr.XdrException;
import io.jvirtd.xdr.codec.XdrCodec;
import io.jvirtd.xdr.codec.XdrCodecs;
import io.jvirtd.xdr.message.Frame;
import io.jvirtd.xdr.message.Frames;
import io.jvirtd.xdr.message.MessageHeader;
import io.jvirtd.xdr.message.MessageStatus;
import io.jvirtd.xdr.remote.ProcedureDescriptor;
import io.jvirtd.xdr.remote.RemoteError;
import io.jvirtd.xdr.remote.RemoteProcedures;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one REMOTE-program call on a worker thread, with no lock held: decodes the arguments with
 * the procedure table's codec, performs the procedure, encodes the reply or a {@code remote_error}.
 * Arguments and results are never marshalled by hand; only each procedure's behaviour is written here.
 */
final class RemoteDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteDispatcher.class);
    private static final XdrCodec<RemoteError> ERROR = XdrCodecs.of(RemoteError.class);

    private final DriverRegistry drivers; // immutable
    private final HandlerTable handlers = new HandlerTable(); // filled in the constructor, then read-only

    RemoteDispatcher(DriverRegistry drivers, Consumer<Client> startKeepalive, EventPusher events) {
        this.drivers = drivers;
        new ConnectProcedures(drivers, startKeepalive, this::closeConnection).register(handlers);
        DomainProcedures.register(handlers);
        new DomainEventProcedures(events).register(handlers);
        NetworkProcedures.register(handlers);
        StorageProcedures.register(handlers);
        NodeDeviceProcedures.register(handlers);
        InterfaceProcedures.register(handlers);
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
            ProcedureHandler<Object> handler = handlers.handler(p.number())
                    .orElseThrow(() -> rpcError("unknown procedure: " + p.number()));
            Object ret = handler.call(new Call(client, this), args);
            return reply(header, p, ret);
        } catch (VirException e) {
            return errorReply(header, e);
        } catch (RuntimeException e) {
            LOG.error("{}: {} failed unexpectedly", client, p.name(), e);
            return errorReply(header, new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.RPC,
                    p.name() + " failed: " + e));
        }
    }

    /** The procedures this dispatcher serves (tests check them against the table). */
    HandlerTable handlers() {
        return handlers;
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
        if (n.startsWith("interface_")) {
            return VirErrorDomain.INTERFACE;
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

    /** Closes the client's hypervisor connection, if any (connect_close, or the client went away). */
    void closeConnection(Client client) {
        client.session.events().close();
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
    DriverConnection connection(ClientSession s) {
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
}
