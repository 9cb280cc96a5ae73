package io.jvirtd.driver.test.internal;

import static io.jvirtd.driver.test.internal.DriverFixture.assertVirError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.storage.PoolInfo;
import io.jvirtd.api.storage.PoolRef;
import io.jvirtd.api.storage.StorageDriver;
import io.jvirtd.api.storage.VolumeRef;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pools and volumes: allocation accounting, look-ups, inactive pools and definition rules. */
@Timeout(20)
class TestStorageTest {
    private static final long GIB = 1L << 30;
    private static final long CAPACITY = 100 * GIB;

    private final DriverFixture fx = new DriverFixture();
    private final DriverConnection conn = fx.openDefault();
    private final StorageDriver storage = conn.storage();
    private final PoolRef pool = storage.lookupPoolByName("default-pool");

    @AfterEach
    void close() {
        conn.close();
    }

    private static String vol(String name, long capacity, Long allocation) {
        return "<volume><name>" + name + "</name><key>ignored</key><capacity unit='bytes'>" + capacity
                + "</capacity>" + (allocation == null ? "" : "<allocation unit='bytes'>" + allocation
                + "</allocation>") + "<target><path>/ignored/" + name + "</path></target></volume>";
    }

    private static String poolXml(String name, UUID uuid, String path) {
        return "<pool type='dir'><name>" + name + "</name><uuid>" + uuid + "</uuid><target><path>" + path
                + "</path></target></pool>";
    }

    @Test
    void volumesAreAccountedInThePoolAllocation() {
        assertEquals(new PoolInfo(2, CAPACITY, 0, CAPACITY), storage.poolInfo(pool));
        VolumeRef a = storage.createVolume(pool, vol("a.img", 4 * GIB, 1 * GIB), 0);
        assertEquals(new VolumeRef("default-pool", "a.img", "/default-pool/a.img"), a, "path and key are derived");
        storage.createVolume(pool, vol("b.img", 2 * GIB, null), 0);
        assertEquals(new PoolInfo(2, CAPACITY, 3 * GIB, CAPACITY - 3 * GIB), storage.poolInfo(pool),
                "allocation defaults to capacity");
        storage.createVolume(pool, vol("c.img", 1, 5 * GIB), 0); // allocation above capacity is accepted
        assertEquals(8 * GIB, storage.poolInfo(pool).allocation());

        assertEquals(a, storage.lookupVolumeByKey("/default-pool/a.img"));
        assertEquals(a, storage.lookupVolumeByPath("/default-pool/a.img"));
        assertEquals(a, storage.lookupVolumeByName(pool, "a.img"));
        assertEquals("/default-pool/a.img", storage.volumePath(a));
        assertEquals(List.of("a.img", "b.img", "c.img"), storage.volumeNames(pool, 10));

        assertVirError(VirErrorCode.OPERATION_FAILED, VirErrorDomain.TEST,
                "operation failed: storage vol already exists", () -> storage.createVolume(pool, vol("a.img", 1, 1L), 0));
        assertVirError(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.TEST, "internal error: Not enough free space in "
                + "pool for volume 'huge'", () -> storage.createVolume(pool, vol("huge", CAPACITY, CAPACITY), 0));

        storage.deleteVolume(a, 0);
        assertEquals(new PoolInfo(2, CAPACITY, 7 * GIB, CAPACITY - 7 * GIB), storage.poolInfo(pool));
        assertVirError(VirErrorCode.NO_STORAGE_VOL, VirErrorDomain.TEST,
                "Storage volume not found: no storage vol with matching name 'a.img'", () -> storage.deleteVolume(a, 0));
        assertVirError(VirErrorCode.NO_STORAGE_VOL, VirErrorDomain.TEST,
                "Storage volume not found: no storage vol with matching key '/default-pool/a.img'",
                () -> storage.lookupVolumeByKey("/default-pool/a.img"));
    }

    @Test
    void inactivePoolsRefuseVolumeCallsAndHideTheirVolumes() {
        VolumeRef a = storage.createVolume(pool, vol("a.img", GIB, GIB), 0);
        storage.destroyPool(pool);
        assertEquals(new PoolInfo(0, CAPACITY, GIB, CAPACITY - GIB), storage.poolInfo(pool),
                "allocation is kept while inactive");
        String notActive = "Requested operation is not valid: storage pool 'default-pool' is not active";
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, notActive,
                () -> storage.createVolume(pool, vol("b.img", 1, 1L), 0));
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, notActive, () -> storage.volumeInfo(a, 0));
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, notActive, () -> storage.deleteVolume(a, 0));
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, notActive, () -> storage.volumeNames(pool, 1));
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, notActive, () -> storage.destroyPool(pool));
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST,
                "Requested operation is not valid: storage pool is not active", () -> storage.listAllVolumes(pool, 0));
        assertVirError(VirErrorCode.NO_STORAGE_VOL, VirErrorDomain.TEST,
                "Storage volume not found: no storage vol with matching path '/default-pool/a.img'",
                () -> storage.lookupVolumeByPath("/default-pool/a.img"));

        storage.createPool(pool, 0);
        assertEquals(List.of(a), storage.listAllVolumes(pool, 0), "volumes survive a restart");
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST,
                "Requested operation is not valid: storage pool 'default-pool' is active", () -> storage.undefinePool(pool));
    }

    @Test
    void poolDefinitionRules() {
        UUID uuid = UUID.randomUUID();
        PoolRef p = storage.definePool(poolXml("p2", uuid, "/p2"), 0);
        assertEquals(new PoolInfo(0, CAPACITY, 0, CAPACITY), storage.poolInfo(p));
        assertTrue(storage.isPoolPersistent(p));
        assertFalse(storage.isPoolActive(p));
        assertVirError(VirErrorCode.OPERATION_FAILED, VirErrorDomain.STORAGE, "operation failed: pool 'p2' already "
                + "exists with uuid " + uuid, () -> storage.definePool(poolXml("p2", UUID.randomUUID(), "/x"), 0));
        assertVirError(VirErrorCode.OPERATION_FAILED, VirErrorDomain.STORAGE, "operation failed: pool 'p2' is "
                + "already defined with uuid " + uuid, () -> storage.definePool(poolXml("p3", uuid, "/x"), 0));
        storage.definePool(poolXml("p2", uuid, "/p2-new"), 0);
        assertTrue(storage.poolXmlDesc(p, 0).contains("<path>/p2-new</path>"), "an inactive pool is redefined");

        storage.buildPool(p, 0);
        storage.createPool(p, 0);
        assertVirError(VirErrorCode.OPERATION_INVALID, VirErrorDomain.STORAGE, "Requested operation is not valid: "
                + "pool is already active as 'p2'", () -> storage.createPoolXml(poolXml("p2", uuid, "/p2"), 0));
        storage.destroyPool(p);
        storage.deletePool(p, 0);
        storage.undefinePool(p);
        assertVirError(VirErrorCode.NO_STORAGE_POOL, VirErrorDomain.TEST,
                "Storage pool not found: no storage pool with matching name 'p2'", () -> storage.lookupPoolByName("p2"));

        PoolRef t = storage.createPoolXml(poolXml("tp", UUID.randomUUID(), "/tp"), 0);
        assertFalse(storage.isPoolPersistent(t));
        assertVirError(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST, "invalid argument: pool has no config file",
                () -> storage.setPoolAutostart(t, true));
        storage.destroyPool(t);
        assertEquals(List.of("default-pool"), storage.poolNames(true, 10));
        assertEquals(List.of(), storage.poolNames(false, 10));
    }
}
