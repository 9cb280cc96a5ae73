package io.jvirtd.driver.test.internal.model;

import java.util.List;

/**
 * A host device ({@code <device>}): name, parent and its {@code <capability>} elements as given.
 * Immutable.
 *
 * @param parent the parent device's name, or null for the root ("computer")
 */
public record NodeDeviceDefinition(String name, String parent, List<XmlElement> capabilities) {

    public NodeDeviceDefinition {
        capabilities = List.copyOf(capabilities);
    }

    /** The capability types (system, scsi_host, ...) in document order. */
    public List<String> capabilityTypes() {
        return capabilities.stream().map(c -> c.attr("type")).toList();
    }
}
