package io.jvirtd.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jvirtd.api.dispatch.Priority;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.xdr.codec.XdrVoid;
import io.jvirtd.xdr.remote.ProcedureDescriptor;

import org.junit.jupiter.api.Test;

class RemoteDispatcherTest {

    private static ProcedureDescriptor proc(String name) {
        return new ProcedureDescriptor(0x20008086, 1, 12, name, XdrVoid.class, XdrVoid.class, Priority.HIGH, false);
    }

    @Test
    void readOnlyRefusalsNameTheApiAndItsFamilysDomain() {
        assertEquals("virDomainDestroy", RemoteDispatcher.apiName(proc("domain_destroy")));
        assertEquals("virNetworkCreate", RemoteDispatcher.apiName(proc("network_create")));
        assertEquals(VirErrorDomain.DOMAIN, RemoteDispatcher.errorDomainOf(proc("domain_destroy")));
        assertEquals(VirErrorDomain.NETWORK, RemoteDispatcher.errorDomainOf(proc("network_create")));
        assertEquals(VirErrorDomain.STORAGE, RemoteDispatcher.errorDomainOf(proc("storage_pool_create")));
        assertEquals(VirErrorDomain.NODEDEV, RemoteDispatcher.errorDomainOf(proc("node_device_create_xml")));
        assertEquals(VirErrorDomain.NONE, RemoteDispatcher.errorDomainOf(proc("connect_open")));
    }
}
