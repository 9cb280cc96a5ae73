package io.jvirtd.xdr.admin;

import static io.jvirtd.api.dispatch.Priority.NORMAL;

import io.jvirtd.xdr.codec.XdrVoid;
import io.jvirtd.xdr.remote.ProcedureTable;

/**
 * The ADMIN program's procedures, each described once: number and name as in libvirt 9.0's
 * admin_protocol.x, argument and result records. No admin procedure has {@code @priority: high}
 * (the admin server has no priority workers), and the admin socket is read-write only, so every
 * procedure is NORMAL and the read-only flag is never consulted.
 */
public final class AdminProcedures {
    /** The table. */
    public static final ProcedureTable TABLE = build();

    private AdminProcedures() {
    }

    private static ProcedureTable build() {
        return ProcedureTable.builder("ADMIN", AdminProgram.PROGRAM, AdminProgram.VERSION)
                .add(1, "connect_open", FlagsArgs.class, XdrVoid.class, NORMAL, true)
                .add(AdminProgram.CONNECT_CLOSE, "connect_close", XdrVoid.class, XdrVoid.class, NORMAL, true)
                .add(3, "connect_get_lib_version", XdrVoid.class, ConnectGetLibVersionRet.class, NORMAL, true)
                .add(4, "connect_list_servers", ConnectListServersArgs.class, ConnectListServersRet.class, NORMAL, true)
                .add(5, "connect_lookup_server", ConnectLookupServerArgs.class, ServerRet.class, NORMAL, true)
                .add(6, "server_get_threadpool_parameters", ServerArgs.class, ServerParametersRet.class, NORMAL, true)
                .add(7, "server_set_threadpool_parameters", ServerSetParametersArgs.class, XdrVoid.class, NORMAL, true)
                .add(8, "server_list_clients", ServerListClientsArgs.class, ServerListClientsRet.class, NORMAL, true)
                .add(9, "server_lookup_client", ServerLookupClientArgs.class, ClientRet.class, NORMAL, true)
                .add(10, "client_get_info", ClientArgs.class, ClientGetInfoRet.class, NORMAL, true)
                .add(11, "client_close", ClientArgs.class, XdrVoid.class, NORMAL, true)
                .add(12, "server_get_client_limits", ServerArgs.class, ServerParametersRet.class, NORMAL, true)
                .add(13, "server_set_client_limits", ServerSetParametersArgs.class, XdrVoid.class, NORMAL, true)
                .add(14, "connect_get_logging_outputs", FlagsArgs.class, ConnectGetLoggingOutputsRet.class, NORMAL,
                        true)
                .add(15, "connect_get_logging_filters", FlagsArgs.class, ConnectGetLoggingFiltersRet.class, NORMAL,
                        true)
                .add(16, "connect_set_logging_outputs", ConnectSetLoggingArgs.class, XdrVoid.class, NORMAL, true)
                .add(17, "connect_set_logging_filters", ConnectSetLoggingArgs.class, XdrVoid.class, NORMAL, true)
                .add(18, "server_update_tls_files", ServerArgs.class, XdrVoid.class, NORMAL, true)
                .add(19, "connect_set_daemon_timeout", ConnectSetDaemonTimeoutArgs.class, XdrVoid.class, NORMAL, true)
                .build();
    }
}
