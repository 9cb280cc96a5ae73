package io.jvirtd.driver.test.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.jvirtd.api.object.Keyed;
import io.jvirtd.api.storage.PoolRef;
import io.jvirtd.api.storage.VolumeRef;
import io.jvirtd.driver.test.internal.model.StoragePoolDefinition;
import io.jvirtd.driver.test.internal.model.StorageVolumeDefinition;

/**
 * One storage pool of a test state with its volumes: volumes live inside their pool's value, so
 * the pool's object lock guards them (as libvirt's pool lock guards its volume list). Immutable.
 */
record TestPool(StoragePoolDefinition def, boolean active, boolean persistent, boolean autostart,
        List<StorageVolumeDefinition> volumes) implements Keyed {

    TestPool {
        volumes = List.copyOf(volumes);
    }

    @Override
    public String name() {
        return def.name();
    }

    @Override
    public UUID uuid() {
        return def.uuid();
    }

    PoolRef ref() {
        return new PoolRef(def.name(), def.uuid());
    }

    VolumeRef ref(StorageVolumeDefinition v) {
        return new VolumeRef(def.name(), v.name(), v.key());
    }

    Optional<StorageVolumeDefinition> volume(String name) {
        return volumes.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    TestPool with(StoragePoolDefinition d, boolean a, boolean p, boolean auto) {
        return new TestPool(d, a, p, auto, volumes);
    }

    TestPool withVolumes(StoragePoolDefinition d, List<StorageVolumeDefinition> vols) {
        return new TestPool(d, active, persistent, autostart, vols);
    }

    TestPool plus(StorageVolumeDefinition v) {
        List<StorageVolumeDefinition> vols = new ArrayList<>(volumes);
        vols.add(v);
        return withVolumes(def.withAllocated(v.allocation()), vols);
    }

    TestPool minus(StorageVolumeDefinition v) {
        List<StorageVolumeDefinition> vols = new ArrayList<>(volumes);
        vols.remove(v);
        return withVolumes(def.withAllocated(-v.allocation()), vols);
    }
}
