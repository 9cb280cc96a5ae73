package io.jvirtd.api.storage;

/**
 * {@code virStorageVolGetInfo}; sizes in bytes.
 *
 * @param type FILE 0, BLOCK 1, DIR 2, NETWORK 3, NETDIR 4, PLOOP 5
 */
public record VolumeInfo(int type, long capacity, long allocation) {
}
