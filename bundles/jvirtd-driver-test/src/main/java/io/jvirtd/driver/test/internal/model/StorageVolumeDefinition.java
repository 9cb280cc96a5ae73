package io.jvirtd.driver.test.internal.model;

/**
 * A storage volume (sizes in bytes). Immutable.
 *
 * @param key    defaults to the target path
 * @param format the target format (raw when not given)
 */
public record StorageVolumeDefinition(String type, String name, String key, long capacity, long allocation,
                                      String targetPath, String format, Permissions permissions) {

    /**
     * As the test driver creates a volume in {@code pool} (virStorageVolCreateXML): path and key
     * are always POOLPATH/NAME, whatever the XML said.
     */
    public StorageVolumeDefinition createdIn(StoragePoolDefinition pool) {
        String path = pool.targetPath() + "/" + name;
        return new StorageVolumeDefinition(type, name, path, capacity, allocation, path, format, permissions);
    }

    /**
     * As the test driver loads a volume of a test:///PATH file: a missing path becomes
     * POOLPATH/NAME, a missing key the path.
     */
    public StorageVolumeDefinition loadedIn(StoragePoolDefinition pool) {
        String path = targetPath != null ? targetPath : pool.targetPath() + "/" + name;
        return new StorageVolumeDefinition(type, name, key != null ? key : path, capacity, allocation, path, format,
                permissions);
    }

    public StorageVolumeDefinition withSizes(long newCapacity, long newAllocation) {
        return new StorageVolumeDefinition(type, name, key, newCapacity, newAllocation, targetPath, format, permissions);
    }
}
