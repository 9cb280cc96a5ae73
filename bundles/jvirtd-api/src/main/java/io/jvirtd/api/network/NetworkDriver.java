package io.jvirtd.api.network;

import java.util.List;
import java.util.UUID;

import io.jvirtd.api.driver.Unsupported;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The network calls of one open connection. Same rules as
 * {@link io.jvirtd.api.domain.DomainDriver}: no RPC lock held, thread-safe, libvirt's flags, an
 * unknown network is {@code VIR_ERR_NO_NETWORK}, unimplemented calls are {@code VIR_ERR_NO_SUPPORT}.
 */
@ConsumerType
public interface NetworkDriver {

    private static VirException unsupported(String api) {
        return Unsupported.api(VirErrorDomain.NETWORK, api);
    }

    default List<NetworkRef> listAll(int flags) {
        throw unsupported("virConnectListAllNetworks");
    }

    /** Names of active ({@code active}) or inactive networks, at most {@code max}. */
    default List<String> names(boolean active, int max) {
        throw unsupported(active ? "virConnectListNetworks" : "virConnectListDefinedNetworks");
    }

    default NetworkRef lookupByName(String name) {
        throw unsupported("virNetworkLookupByName");
    }

    default NetworkRef lookupByUuid(UUID uuid) {
        throw unsupported("virNetworkLookupByUUID");
    }

    default String xmlDesc(NetworkRef net, int flags) {
        throw unsupported("virNetworkGetXMLDesc");
    }

    default NetworkRef define(String xml, int flags) {
        throw unsupported("virNetworkDefineXML");
    }

    default void undefine(NetworkRef net) {
        throw unsupported("virNetworkUndefine");
    }

    /** Starts a defined network. */
    default void create(NetworkRef net) {
        throw unsupported("virNetworkCreate");
    }

    /** Creates and starts a transient network. */
    default NetworkRef createXml(String xml, int flags) {
        throw unsupported("virNetworkCreateXML");
    }

    default void destroy(NetworkRef net) {
        throw unsupported("virNetworkDestroy");
    }

    default boolean isActive(NetworkRef net) {
        throw unsupported("virNetworkIsActive");
    }

    default boolean isPersistent(NetworkRef net) {
        throw unsupported("virNetworkIsPersistent");
    }

    default boolean autostart(NetworkRef net) {
        throw unsupported("virNetworkGetAutostart");
    }

    default void setAutostart(NetworkRef net, boolean autostart) {
        throw unsupported("virNetworkSetAutostart");
    }

    default String bridgeName(NetworkRef net) {
        throw unsupported("virNetworkGetBridgeName");
    }
}
