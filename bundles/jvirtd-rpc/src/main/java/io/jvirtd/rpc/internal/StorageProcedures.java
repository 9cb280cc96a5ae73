package io.jvirtd.rpc.internal;

import static io.jvirtd.rpc.internal.Handles.pool;
import static io.jvirtd.rpc.internal.Handles.volume;

import java.util.List;

import io.jvirtd.api.storage.PoolInfo;
import io.jvirtd.api.storage.PoolRef;
import io.jvirtd.api.storage.VolumeInfo;
import io.jvirtd.api.storage.VolumeRef;
import io.jvirtd.xdr.codec.XdrVoid;
import io.jvirtd.xdr.remote.ActiveRet;
import io.jvirtd.xdr.remote.AutostartRet;
import io.jvirtd.xdr.remote.ConnectListAllStoragePoolsRet;
import io.jvirtd.xdr.remote.ListAllArgs;
import io.jvirtd.xdr.remote.MaxnamesArgs;
import io.jvirtd.xdr.remote.NameArgs;
import io.jvirtd.xdr.remote.NameRet;
import io.jvirtd.xdr.remote.NamesRet;
import io.jvirtd.xdr.remote.NumRet;
import io.jvirtd.xdr.remote.PersistentRet;
import io.jvirtd.xdr.remote.StoragePoolArgs;
import io.jvirtd.xdr.remote.StoragePoolFlagsArgs;
import io.jvirtd.xdr.remote.StoragePoolGetInfoRet;
import io.jvirtd.xdr.remote.StoragePoolListAllVolumesArgs;
import io.jvirtd.xdr.remote.StoragePoolListAllVolumesRet;
import io.jvirtd.xdr.remote.StoragePoolListVolumesArgs;
import io.jvirtd.xdr.remote.StoragePoolRet;
import io.jvirtd.xdr.remote.StoragePoolSetAutostartArgs;
import io.jvirtd.xdr.remote.StorageVolArgs;
import io.jvirtd.xdr.remote.StorageVolCreateXmlArgs;
import io.jvirtd.xdr.remote.StorageVolFlagsArgs;
import io.jvirtd.xdr.remote.StorageVolGetInfoRet;
import io.jvirtd.xdr.remote.StorageVolLookupByKeyArgs;
import io.jvirtd.xdr.remote.StorageVolLookupByNameArgs;
import io.jvirtd.xdr.remote.StorageVolLookupByPathArgs;
import io.jvirtd.xdr.remote.StorageVolRet;
import io.jvirtd.xdr.remote.UuidArgs;
import io.jvirtd.xdr.remote.XmlFlagsArgs;
import io.jvirtd.xdr.remote.XmlRet;

/** The storage pool and volume procedures, onto {@link io.jvirtd.api.storage.StorageDriver}. */
final class StorageProcedures {
    private StorageProcedures() {
    }

    static void register(HandlerTable t) {
        t.on(281, ListAllArgs.class, (c, a) -> {
            List<PoolRef> all = c.storage().listAllPools(a.flags());
            return new ConnectListAllStoragePoolsRet(Handles.results(a.needResults(), all.stream()
                    .map(Handles::wire).toList()), all.size());
        });
        t.on(71, c -> new NumRet(c.storage().poolNames(true, Integer.MAX_VALUE).size()));
        t.on(72, MaxnamesArgs.class, (c, a) -> new NamesRet(c.storage().poolNames(true, a.maxnames())));
        t.on(73, c -> new NumRet(c.storage().poolNames(false, Integer.MAX_VALUE).size()));
        t.on(74, MaxnamesArgs.class, (c, a) -> new NamesRet(c.storage().poolNames(false, a.maxnames())));
        t.on(84, NameArgs.class, (c, a) -> ret(c.storage().lookupPoolByName(a.name())));
        t.on(85, UuidArgs.class, (c, a) -> ret(c.storage().lookupPoolByUuid(a.uuid())));
        t.on(86, StorageVolArgs.class, (c, a) -> ret(c.storage().lookupPoolByVolume(volume(a.vol()))));
        t.on(87, StoragePoolArgs.class, (c, a) -> {
            PoolInfo i = c.storage().poolInfo(pool(a.pool()));
            return new StoragePoolGetInfoRet(i.state(), i.capacity(), i.allocation(), i.available());
        });
        t.on(88, StoragePoolFlagsArgs.class, (c, a) ->
                new XmlRet(c.storage().poolXmlDesc(pool(a.pool()), a.flags())));
        t.on(77, XmlFlagsArgs.class, (c, a) -> ret(c.storage().definePool(a.xml(), a.flags())));
        t.on(78, StoragePoolFlagsArgs.class, (c, a) -> none(() -> c.storage().createPool(pool(a.pool()), a.flags())));
        t.on(76, XmlFlagsArgs.class, (c, a) -> ret(c.storage().createPoolXml(a.xml(), a.flags())));
        t.on(79, StoragePoolFlagsArgs.class, (c, a) -> none(() -> c.storage().buildPool(pool(a.pool()), a.flags())));
        t.on(80, StoragePoolArgs.class, (c, a) -> none(() -> c.storage().destroyPool(pool(a.pool()))));
        t.on(82, StoragePoolArgs.class, (c, a) -> none(() -> c.storage().undefinePool(pool(a.pool()))));
        t.on(81, StoragePoolFlagsArgs.class, (c, a) -> none(() -> c.storage().deletePool(pool(a.pool()), a.flags())));
        t.on(83, StoragePoolFlagsArgs.class, (c, a) ->
                none(() -> c.storage().refreshPool(pool(a.pool()), a.flags())));
        t.on(154, StoragePoolArgs.class, (c, a) -> new ActiveRet(c.storage().isPoolActive(pool(a.pool())) ? 1 : 0));
        t.on(155, StoragePoolArgs.class, (c, a) ->
                new PersistentRet(c.storage().isPoolPersistent(pool(a.pool())) ? 1 : 0));
        t.on(89, StoragePoolArgs.class, (c, a) ->
                new AutostartRet(c.storage().poolAutostart(pool(a.pool())) ? 1 : 0));
        t.on(90, StoragePoolSetAutostartArgs.class, (c, a) ->
                none(() -> c.storage().setPoolAutostart(pool(a.pool()), a.autostart() != 0)));
        t.on(282, StoragePoolListAllVolumesArgs.class, (c, a) -> {
            List<VolumeRef> all = c.storage().listAllVolumes(pool(a.pool()), a.flags());
            return new StoragePoolListAllVolumesRet(Handles.results(a.needResults(), all.stream()
                    .map(Handles::wire).toList()), all.size());
        });
        t.on(91, StoragePoolArgs.class, (c, a) ->
                new NumRet(c.storage().volumeNames(pool(a.pool()), Integer.MAX_VALUE).size()));
        t.on(92, StoragePoolListVolumesArgs.class, (c, a) ->
                new NamesRet(c.storage().volumeNames(pool(a.pool()), a.maxnames())));
        t.on(95, StorageVolLookupByNameArgs.class, (c, a) ->
                vol(c.storage().lookupVolumeByName(pool(a.pool()), a.name())));
        t.on(96, StorageVolLookupByKeyArgs.class, (c, a) -> vol(c.storage().lookupVolumeByKey(a.key())));
        t.on(97, StorageVolLookupByPathArgs.class, (c, a) -> vol(c.storage().lookupVolumeByPath(a.path())));
        t.on(93, StorageVolCreateXmlArgs.class, (c, a) ->
                vol(c.storage().createVolume(pool(a.pool()), a.xml(), a.flags())));
        t.on(94, StorageVolFlagsArgs.class, (c, a) -> none(() -> c.storage().deleteVolume(volume(a.vol()), a.flags())));
        t.on(98, StorageVolArgs.class, (c, a) -> volInfo(c.storage().volumeInfo(volume(a.vol()), 0)));
        t.on(378, StorageVolFlagsArgs.class, (c, a) -> volInfo(c.storage().volumeInfo(volume(a.vol()), a.flags())));
        t.on(99, StorageVolFlagsArgs.class, (c, a) ->
                new XmlRet(c.storage().volumeXmlDesc(volume(a.vol()), a.flags())));
        t.on(100, StorageVolArgs.class, (c, a) -> new NameRet(c.storage().volumePath(volume(a.vol()))));
    }

    private static StoragePoolRet ret(PoolRef p) {
        return new StoragePoolRet(Handles.wire(p));
    }

    private static StorageVolRet vol(VolumeRef v) {
        return new StorageVolRet(Handles.wire(v));
    }

    private static StorageVolGetInfoRet volInfo(VolumeInfo i) {
        return new StorageVolGetInfoRet(i.type(), i.capacity(), i.allocation());
    }

    private static XdrVoid none(Runnable call) {
        call.run();
        return XdrVoid.INSTANCE;
    }
}
