package io.jvirtd.rpc.internal;

import io.jvirtd.api.domain.DomainDriver;
import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.iface.InterfaceDriver;
import io.jvirtd.api.network.NetworkDriver;
import io.jvirtd.api.nodedev.NodeDeviceDriver;
import io.jvirtd.api.storage.StorageDriver;

/**
 * One call being served: the client that sent it and access to its hypervisor connection. Every
 * accessor of the connection fails as libvirtd does when none is open ("hypervisor connection not
 * open") or when the driver that opened it has gone (NO_CONNECT naming the driver).
 */
final class Call {
    final Client client; // immutable
    private final RemoteDispatcher dispatcher; // immutable

    Call(Client client, RemoteDispatcher dispatcher) {
        this.client = client;
        this.dispatcher = dispatcher;
    }

    ClientSession session() {
        return client.session;
    }

    DriverConnection connection() {
        return dispatcher.connection(client.session);
    }

    DomainDriver domains() {
        return connection().domains();
    }

    NetworkDriver networks() {
        return connection().networks();
    }

    StorageDriver storage() {
        return connection().storage();
    }

    NodeDeviceDriver nodeDevices() {
        return connection().nodeDevices();
    }

    InterfaceDriver interfaces() {
        return connection().interfaces();
    }
}
