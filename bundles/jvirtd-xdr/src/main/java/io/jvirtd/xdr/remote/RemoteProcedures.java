package io.jvirtd.xdr.remote;

import static io.jvirtd.api.dispatch.Priority.HIGH;
import static io.jvirtd.api.dispatch.Priority.NORMAL;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.jvirtd.api.dispatch.Priority;
import io.jvirtd.xdr.codec.XdrVoid;

/**
 * The REMOTE program's procedures that jvirtd serves, each described once (numbers, types and
 * priorities from libvirt 9.0's remote_protocol.x). Later issues add the domain, network, storage
 * and node-device procedures here.
 */
public final class RemoteProcedures {
    private static final Map<Integer, ProcedureDescriptor> BY_NUMBER = new LinkedHashMap<>();

    static {
        add(1, "connect_open", ConnectOpenArgs.class, XdrVoid.class, HIGH, true);
        add(2, "connect_close", XdrVoid.class, XdrVoid.class, HIGH, true);
        add(3, "connect_get_type", XdrVoid.class, ConnectGetTypeRet.class, HIGH, true);
        add(4, "connect_get_version", XdrVoid.class, ConnectGetVersionRet.class, HIGH, true);
        add(5, "connect_get_max_vcpus", ConnectGetMaxVcpusArgs.class, ConnectGetMaxVcpusRet.class, HIGH, true);
        add(6, "node_get_info", XdrVoid.class, NodeGetInfoRet.class, HIGH, true);
        add(7, "connect_get_capabilities", XdrVoid.class, ConnectGetCapabilitiesRet.class, NORMAL, true);
        add(59, "connect_get_hostname", XdrVoid.class, ConnectGetHostnameRet.class, HIGH, true);
        add(60, "connect_supports_feature", ConnectSupportsFeatureArgs.class, ConnectSupportsFeatureRet.class, HIGH, true);
        add(66, "auth_list", XdrVoid.class, AuthListRet.class, HIGH, true);
        add(102, "node_get_free_memory", XdrVoid.class, NodeGetFreeMemoryRet.class, HIGH, true);
        add(110, "connect_get_uri", XdrVoid.class, ConnectGetUriRet.class, HIGH, true);
        add(122, "node_get_security_model", XdrVoid.class, NodeGetSecurityModelRet.class, HIGH, true);
        add(149, "connect_is_secure", XdrVoid.class, ConnectIsSecureRet.class, HIGH, true);
        add(157, "connect_get_lib_version", XdrVoid.class, ConnectGetLibVersionRet.class, HIGH, true);
        add(203, "connect_get_sysinfo", ConnectGetSysinfoArgs.class, ConnectGetSysinfoRet.class, HIGH, true);
        add(360, "connect_register_close_callback", XdrVoid.class, XdrVoid.class, HIGH, true);
        add(361, "connect_unregister_close_callback", XdrVoid.class, XdrVoid.class, HIGH, true);
    }

    private RemoteProcedures() {
    }

    private static void add(int number, String name, Class<?> args, Class<?> ret, Priority priority,
            boolean readOnlyAllowed) {
        ProcedureDescriptor d = new ProcedureDescriptor(RemoteProgram.PROGRAM, RemoteProgram.VERSION, number, name,
                args, ret, priority, readOnlyAllowed);
        if (BY_NUMBER.put(number, d) != null) {
            throw new IllegalStateException("procedure " + number + " described twice");
        }
    }

    /** The procedure with that number, if jvirtd knows it. */
    public static Optional<ProcedureDescriptor> byNumber(int number) {
        return Optional.ofNullable(BY_NUMBER.get(number));
    }

    /** All described procedures, by number. */
    public static Collection<ProcedureDescriptor> all() {
        return Collections.unmodifiableCollection(BY_NUMBER.values());
    }
}
