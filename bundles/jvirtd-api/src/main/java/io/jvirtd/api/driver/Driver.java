package io.jvirtd.api.driver;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A driver bundle's identity. Capability interfaces (connect, domain, network, storage...) are
 * added by later API versions; a driver registers this service to be seen by the daemon.
 */
@ConsumerType
public interface Driver {

    /** Service property naming the URI scheme a hypervisor driver serves ({@code test}, {@code qemu}...). */
    String SCHEME_PROPERTY = "jvirtd.driver.scheme";

    /** The driver's name as libvirt calls it ({@code Test}, {@code QEMU}, {@code network}...). */
    String name();
}
