package io.jvirtd.rpc.internal;

import io.jvirtd.api.domain.DomainDriver;
import io.jvirtd.api.domain.QemuMonitorDriver;
import io.jvirtd.api.driver.Unsupported;
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
import io.jvirtd.xdr.qemu.DomainMonitorCommandArgs;
import io.jvirtd.xdr.qemu.DomainMonitorCommandRet;
import io.jvirtd.xdr.qemu.QemuProcedures;
import io.jvirtd.xdr.qemu.QemuProgram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call of the QEMU program ({@code libvirt-qemu}, served beside REMOTE on the same
 * sockets and connections) on a worker thread, with no lock held. Only
 * {@code domain_monitor_command} ({@code virsh qemu-monitor-command}) exists; it goes to the
 * connection's domain driver when that driver implements {@link QemuMonitorDriver}, and is
 * {@code VIR_ERR_NO_SUPPORT} otherwise (a test:/// connection, say).
 */
final class QemuDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(QemuDispatcher.class);
    private static final XdrCodec<DomainMonitorCommandArgs> ARGS = XdrCodecs.of(DomainMonitorCommandArgs.class);
    private static final XdrCodec<DomainMonitorCommandRet> RET = XdrCodecs.of(DomainMonitorCommandRet.class);
    private final RemoteDispatcher remote; // thread-safe: the REMOTE side owns the connections

    QemuDispatcher(RemoteDispatcher remote) {
        this.remote = remote;
    }

    /** The whole reply message (length word included) for a CALL of the QEMU program. */
    byte[] dispatch(Client client, Frame frame) {
        MessageHeader header = frame.header();
        if (header.procedure() != QemuProgram.DOMAIN_MONITOR_COMMAND
                || QemuProcedures.TABLE.procedure(header.procedure()).isEmpty()) {
            return RemoteDispatcher.errorReply(header, RemoteDispatcher.rpcError("unknown procedure: "
                    + header.procedure()));
        }
        DomainMonitorCommandArgs args;
        try {
            args = ARGS.decode(frame.payload());
        } catch (XdrException e) {
            LOG.warn("{}: cannot decode the arguments of qemu domain_monitor_command: {}", client, e.getMessage());
            return RemoteDispatcher.errorReply(header, RemoteDispatcher.rpcError("Unable to decode message payload"));
        }
        try {
            if (client.readOnlySocket || client.session.readOnly()) {
                throw new VirException(VirErrorCode.OPERATION_DENIED, VirErrorDomain.DOMAIN,
                        "read only access prevents virDomainQemuMonitorCommand");
            }
            DomainDriver domains = remote.connection(client.session).domains();
            if (!(domains instanceof QemuMonitorDriver qemu)) {
                throw Unsupported.api(VirErrorDomain.DOMAIN, "virDomainQemuMonitorCommand");
            }
            String result = qemu.monitorCommand(Handles.domain(args.dom()), args.cmd(), args.flags());
            return Frames.encode(header.reply(MessageStatus.OK), RET, new DomainMonitorCommandRet(result));
        } catch (VirException e) {
            return RemoteDispatcher.errorReply(header, e);
        } catch (RuntimeException e) {
            LOG.error("{}: qemu domain_monitor_command failed unexpectedly", client, e);
            return RemoteDispatcher.errorReply(header, new VirException(VirErrorCode.INTERNAL_ERROR,
                    VirErrorDomain.RPC, "domain_monitor_command failed: " + e));
        }
    }
}
