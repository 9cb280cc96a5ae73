package io.jvirtd.xdr.remote;

import static io.jvirtd.api.dispatch.Priority.HIGH;
import static io.jvirtd.api.dispatch.Priority.NORMAL;

import java.util.Collection;
import java.util.Optional;

import io.jvirtd.xdr.codec.XdrVoid;

/**
 * The REMOTE program's procedures that jvirtd serves, each described once: number and name as in
 * libvirt 9.0's remote_protocol.x, argument and result records, priority ({@code @priority: high}),
 * and whether a read-only connection may call it (libvirt's public API refuses the others with
 * VIR_ERR_OPERATION_DENIED). The connection procedures are listed here; each other family is in its
 * own package-private class ({@link DomainProcedureTable}, {@link EventProcedureTable},
 * {@link NetworkProcedureTable}, {@link StorageProcedureTable}, {@link NodeDeviceProcedureTable},
 * {@link InterfaceProcedureTable}), all feeding this one table. Server-to-client messages (events)
 * are in the table too, marked {@link ProcedureDescriptor#message()}, with their body as the result.
 *
 * <p>Records are shared where libvirt's structs have the same fields, e.g. {@link DomainArgs} for
 * every {@code {dom}} argument struct; each record's javadoc names the structs it stands for.
 *
 * <p>There is no {@code connect_is_encrypted} procedure: a client computes
 * {@code virConnectIsEncrypted} from its own transport and {@code connect_is_secure} (149).
 * {@code connect_get_uri} (110) is sent only by clients that opened without a URI.
 */
public final class RemoteProcedures {
    /** The table. */
    public static final ProcedureTable TABLE = build();

    private RemoteProcedures() {
    }

    private static ProcedureTable build() {
        ProcedureTable.Builder b = ProcedureTable.builder("REMOTE", RemoteProgram.PROGRAM, RemoteProgram.VERSION);
        b.add(1, "connect_open", ConnectOpenArgs.class, XdrVoid.class, HIGH, true)
                .add(2, "connect_close", XdrVoid.class, XdrVoid.class, HIGH, true)
                .add(3, "connect_get_type", XdrVoid.class, ConnectGetTypeRet.class, HIGH, true)
                .add(4, "connect_get_version", XdrVoid.class, ConnectGetVersionRet.class, HIGH, true)
                .add(5, "connect_get_max_vcpus", ConnectGetMaxVcpusArgs.class, ConnectGetMaxVcpusRet.class, HIGH, true)
                .add(6, "node_get_info", XdrVoid.class, NodeGetInfoRet.class, HIGH, true)
                .add(7, "connect_get_capabilities", XdrVoid.class, ConnectGetCapabilitiesRet.class, NORMAL, true)
                .add(59, "connect_get_hostname", XdrVoid.class, ConnectGetHostnameRet.class, HIGH, true)
                .add(60, "connect_supports_feature", ConnectSupportsFeatureArgs.class, ConnectSupportsFeatureRet.class,
                        HIGH, true)
                .add(66, "auth_list", XdrVoid.class, AuthListRet.class, HIGH, true)
                .add(102, "node_get_free_memory", XdrVoid.class, NodeGetFreeMemoryRet.class, HIGH, true)
                .add(110, "connect_get_uri", XdrVoid.class, ConnectGetUriRet.class, HIGH, true)
                .add(122, "node_get_security_model", XdrVoid.class, NodeGetSecurityModelRet.class, HIGH, true)
                .add(149, "connect_is_secure", XdrVoid.class, ConnectIsSecureRet.class, HIGH, true)
                .add(157, "connect_get_lib_version", XdrVoid.class, ConnectGetLibVersionRet.class, HIGH, true)
                .add(203, "connect_get_sysinfo", ConnectGetSysinfoArgs.class, ConnectGetSysinfoRet.class, HIGH, true)
                .add(360, "connect_register_close_callback", XdrVoid.class, XdrVoid.class, HIGH, true)
                .add(361, "connect_unregister_close_callback", XdrVoid.class, XdrVoid.class, HIGH, true);
        DomainProcedureTable.addTo(b);
        EventProcedureTable.addTo(b);
        NetworkProcedureTable.addTo(b);
        StorageProcedureTable.addTo(b);
        NodeDeviceProcedureTable.addTo(b);
        InterfaceProcedureTable.addTo(b);
        return b.build();
    }

    /** The procedure with that number, if jvirtd describes it; same as {@code TABLE.procedure(number)}. */
    public static Optional<ProcedureDescriptor> byNumber(int number) {
        return TABLE.procedure(number);
    }

    /** All described procedures; same as {@code TABLE.procedures()}. */
    public static Collection<ProcedureDescriptor> all() {
        return TABLE.procedures();
    }
}
