package io.jvirtd.api.driver;

/**
 * A driver the daemon has bound.
 *
 * @param name the driver's name
 * @param scheme the URI scheme it serves, or null for a secondary driver
 * @param bundleSymbolicName the bundle that registered it
 * @param bundleId that bundle's id
 */
public record DriverInfo(String name, String scheme, String bundleSymbolicName, long bundleId) {
}
