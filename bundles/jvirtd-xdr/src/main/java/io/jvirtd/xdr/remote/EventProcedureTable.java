package io.jvirtd.xdr.remote;

import static io.jvirtd.api.dispatch.Priority.HIGH;

import io.jvirtd.xdr.codec.XdrVoid;

/**
 * The REMOTE program's event registration calls and the messages that carry events. A message is described by
 * its body ({@link ProcedureTable.Builder#message}); the server sends it with serial 1 and status OK. A
 * read-only connection may make every call here.
 */
final class EventProcedureTable {
    private EventProcedureTable() {
    }

    static void addTo(ProcedureTable.Builder b) {
        b
                .add(316, "connect_domain_event_callback_register_any",
                        ConnectDomainEventCallbackRegisterAnyArgs.class, CallbackIdRet.class, HIGH, true)
                .add(317, "connect_domain_event_callback_deregister_any", CallbackIdArgs.class, XdrVoid.class,
                        HIGH, true)
                .message(318, "domain_event_callback_lifecycle", DomainEventCallbackLifecycleMsg.class)
                .message(319, "domain_event_callback_reboot", DomainEventCallbackRebootMsg.class)
                .add(167, "connect_domain_event_register_any", EventIdArgs.class, XdrVoid.class, HIGH, true)
                .add(168, "connect_domain_event_deregister_any", EventIdArgs.class, XdrVoid.class, HIGH, true)
                .message(107, "domain_event_lifecycle", DomainEventLifecycleMsg.class)
                .message(169, "domain_event_reboot", DomainEventRebootMsg.class)
                .add(105, "connect_domain_event_register", XdrVoid.class, CbRegisteredRet.class, HIGH, true)
                .add(106, "connect_domain_event_deregister", XdrVoid.class, CbRegisteredRet.class, HIGH, true)
                .message(362, "connect_event_connection_closed", ConnectEventConnectionClosedMsg.class)
                .add(313, "connect_network_event_register_any",
                        ConnectNetworkEventRegisterAnyArgs.class, CallbackIdRet.class, HIGH, true)
                .add(314, "connect_network_event_deregister_any", CallbackIdArgs.class, XdrVoid.class, HIGH, true)
                .message(315, "network_event_lifecycle", NetworkEventLifecycleMsg.class)
                .add(368, "connect_storage_pool_event_register_any",
                        ConnectStoragePoolEventRegisterAnyArgs.class, CallbackIdRet.class, HIGH, true)
                .add(369, "connect_storage_pool_event_deregister_any", CallbackIdArgs.class, XdrVoid.class, HIGH, true)
                .message(370, "storage_pool_event_lifecycle", StoragePoolEventLifecycleMsg.class)
                .message(373, "storage_pool_event_refresh", StoragePoolEventRefreshMsg.class);
    }
}
