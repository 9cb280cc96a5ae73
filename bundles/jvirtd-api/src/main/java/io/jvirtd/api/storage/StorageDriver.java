package io.jvirtd.api.storage;

import java.util.List;
import java.util.UUID;

import io.jvirtd.api.driver.Unsupported;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The storage pool and volume calls of one open connection. Same rules as
 * {@link io.jvirtd.api.domain.DomainDriver}; unknown objects are {@code VIR_ERR_NO_STORAGE_POOL} /
 * {@code VIR_ERR_NO_STORAGE_VOL}.
 */
@ConsumerType
public interface StorageDriver {

    private static VirException unsupported(String api) {
        return Unsupported.api(VirErrorDomain.STORAGE, api);
    }

    default List<PoolRef> listAllPools(int flags) {
        throw unsupported("virConnectListAllStoragePools");
    }

    /** Names of active ({@code active}) or inactive pools, at most {@code max}. */
    default List<String> poolNames(boolean active, int max) {
        throw unsupported(active ? "virConnectListStoragePools" : "virConnectListDefinedStoragePools");
    }

    default PoolRef lookupPoolByName(String name) {
        throw unsupported("virStoragePoolLookupByName");
    }

    default PoolRef lookupPoolByUuid(UUID uuid) {
        throw unsupported("virStoragePoolLookupByUUID");
    }

    default PoolRef lookupPoolByVolume(VolumeRef vol) {
        throw unsupported("virStoragePoolLookupByVolume");
    }

    default PoolInfo poolInfo(PoolRef pool) {
        throw unsupported("virStoragePoolGetInfo");
    }

    default String poolXmlDesc(PoolRef pool, int flags) {
        throw unsupported("virStoragePoolGetXMLDesc");
    }

    default PoolRef definePool(String xml, int flags) {
        throw unsupported("virStoragePoolDefineXML");
    }

    default PoolRef createPoolXml(String xml, int flags) {
        throw unsupported("virStoragePoolCreateXML");
    }

    /** Starts a defined pool. */
    default void createPool(PoolRef pool, int flags) {
        throw unsupported("virStoragePoolCreate");
    }

    default void buildPool(PoolRef pool, int flags) {
        throw unsupported("virStoragePoolBuild");
    }

    default void destroyPool(PoolRef pool) {
        throw unsupported("virStoragePoolDestroy");
    }

    default void deletePool(PoolRef pool, int flags) {
        throw unsupported("virStoragePoolDelete");
    }

    default void undefinePool(PoolRef pool) {
        throw unsupported("virStoragePoolUndefine");
    }

    default void refreshPool(PoolRef pool, int flags) {
        throw unsupported("virStoragePoolRefresh");
    }

    default boolean isPoolActive(PoolRef pool) {
        throw unsupported("virStoragePoolIsActive");
    }

    default boolean isPoolPersistent(PoolRef pool) {
        throw unsupported("virStoragePoolIsPersistent");
    }

    default boolean poolAutostart(PoolRef pool) {
        throw unsupported("virStoragePoolGetAutostart");
    }

    default void setPoolAutostart(PoolRef pool, boolean autostart) {
        throw unsupported("virStoragePoolSetAutostart");
    }

    default List<VolumeRef> listAllVolumes(PoolRef pool, int flags) {
        throw unsupported("virStoragePoolListAllVolumes");
    }

    default List<String> volumeNames(PoolRef pool, int max) {
        throw unsupported("virStoragePoolListVolumes");
    }

    default VolumeRef lookupVolumeByName(PoolRef pool, String name) {
        throw unsupported("virStorageVolLookupByName");
    }

    default VolumeRef lookupVolumeByKey(String key) {
        throw unsupported("virStorageVolLookupByKey");
    }

    default VolumeRef lookupVolumeByPath(String path) {
        throw unsupported("virStorageVolLookupByPath");
    }

    default VolumeRef createVolume(PoolRef pool, String xml, int flags) {
        throw unsupported("virStorageVolCreateXML");
    }

    default void deleteVolume(VolumeRef vol, int flags) {
        throw unsupported("virStorageVolDelete");
    }

    default VolumeInfo volumeInfo(VolumeRef vol, int flags) {
        throw unsupported("virStorageVolGetInfo");
    }

    default String volumeXmlDesc(VolumeRef vol, int flags) {
        throw unsupported("virStorageVolGetXMLDesc");
    }

    default String volumePath(VolumeRef vol) {
        throw unsupported("virStorageVolGetPath");
    }
}
