package io.jvirtd.api.iface;

import java.util.List;

import io.jvirtd.api.driver.Unsupported;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The host-interface calls of one open connection. An unknown interface is
 * {@code VIR_ERR_NO_INTERFACE}.
 */
@ConsumerType
public interface InterfaceDriver {

    private static VirException unsupported(String api) {
        return Unsupported.api(VirErrorDomain.INTERFACE, api);
    }

    default List<InterfaceRef> listAll(int flags) {
        throw unsupported("virConnectListAllInterfaces");
    }

    /** Names of active ({@code active}) or inactive interfaces, at most {@code max}. */
    default List<String> names(boolean active, int max) {
        throw unsupported(active ? "virConnectListInterfaces" : "virConnectListDefinedInterfaces");
    }

    default InterfaceRef lookupByName(String name) {
        throw unsupported("virInterfaceLookupByName");
    }

    default InterfaceRef lookupByMac(String mac) {
        throw unsupported("virInterfaceLookupByMACString");
    }

    default String xmlDesc(InterfaceRef iface, int flags) {
        throw unsupported("virInterfaceGetXMLDesc");
    }

    default boolean isActive(InterfaceRef iface) {
        throw unsupported("virInterfaceIsActive");
    }

    default InterfaceRef define(String xml, int flags) {
        throw unsupported("virInterfaceDefineXML");
    }

    default void undefine(InterfaceRef iface) {
        throw unsupported("virInterfaceUndefine");
    }

    default void create(InterfaceRef iface, int flags) {
        throw unsupported("virInterfaceCreate");
    }

    default void destroy(InterfaceRef iface, int flags) {
        throw unsupported("virInterfaceDestroy");
    }
}
