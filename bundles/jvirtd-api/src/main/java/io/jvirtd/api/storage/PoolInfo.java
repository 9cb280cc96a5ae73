package io.jvirtd.api.storage;

/**
 * {@code virStoragePoolGetInfo}; sizes in bytes.
 *
 * @param state INACTIVE 0, BUILDING 1, RUNNING 2, DEGRADED 3, INACCESSIBLE 4
 */
public record PoolInfo(int state, long capacity, long allocation, long available) {
}
