package io.jvirtd.driver.test.internal.model;

import java.util.List;
import java.util.UUID;

/**
 * A storage pool's configuration and its size figures (in bytes). Immutable.
 *
 * @param source the {@code <source>} children in libvirt's order (host, device, dir, adapter, name, format, ...)
 */
public record StoragePoolDefinition(String type, String name, UUID uuid, long capacity, long allocation,
                                    long available, List<XmlElement> source, String targetPath,
                                    Permissions permissions) {

    /** The size the test driver gives every pool: 100 GiB. */
    public static final long TEST_CAPACITY = 100L * 1024 * 1024 * 1024;

    public StoragePoolDefinition {
        source = List.copyOf(source);
    }

    /** With the test driver's figures: 100 GiB capacity, nothing allocated. */
    public StoragePoolDefinition withTestDefaults() {
        return withSizes(TEST_CAPACITY, 0, TEST_CAPACITY);
    }

    public StoragePoolDefinition withSizes(long newCapacity, long newAllocation, long newAvailable) {
        return new StoragePoolDefinition(type, name, uuid, newCapacity, newAllocation, newAvailable, source,
                targetPath, permissions);
    }

    /** With {@code bytes} more allocated (negative to release) and available = capacity - allocation. */
    public StoragePoolDefinition withAllocated(long bytes) {
        long alloc = allocation + bytes;
        return withSizes(capacity, alloc, capacity - alloc);
    }
}
