package io.jvirtd.driver.test.internal.model;

import java.util.List;

/**
 * A host network interface ({@code <interface type= name=>}, virInterface). Immutable.
 *
 * @param startMode onboot, none, hotplug, or null
 * @param mtu       the MTU, or -1
 * @param protocols {@code <protocol>} elements as given
 * @param mac       for ethernet interfaces, or null
 * @param extras    type-specific children ({@code <bridge>}, {@code <bond>}, {@code <vlan>}), echoed last
 */
public record InterfaceDefinition(String type, String name, String startMode, int mtu, List<XmlElement> protocols,
                                  String mac, List<XmlElement> extras) {

    public InterfaceDefinition {
        protocols = List.copyOf(protocols);
        extras = List.copyOf(extras);
    }
}
