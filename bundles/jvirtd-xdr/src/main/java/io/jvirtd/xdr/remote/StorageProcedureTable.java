package io.jvirtd.xdr.remote;

import static io.jvirtd.api.dispatch.Priority.HIGH;
import static io.jvirtd.api.dispatch.Priority.NORMAL;

import io.jvirtd.xdr.codec.XdrVoid;

/**
 * The REMOTE program's storage pool and volume procedures. The last argument of each {@code add} is false where
 * libvirt's public API refuses the call on a read-only connection whatever the flags (VIR_ERR_OPERATION_DENIED);
 * calls denied only with some flags are true here and checked by the driver.
 */
final class StorageProcedureTable {
    private StorageProcedureTable() {
    }

    static void addTo(ProcedureTable.Builder b) {
        b
                .add(281, "connect_list_all_storage_pools", ListAllArgs.class, ConnectListAllStoragePoolsRet.class,
                        HIGH, true)
                .add(71, "connect_num_of_storage_pools", XdrVoid.class, NumRet.class, HIGH, true)
                .add(72, "connect_list_storage_pools", MaxnamesArgs.class, NamesRet.class, HIGH, true)
                .add(73, "connect_num_of_defined_storage_pools", XdrVoid.class, NumRet.class, HIGH, true)
                .add(74, "connect_list_defined_storage_pools", MaxnamesArgs.class, NamesRet.class, HIGH, true)
                .add(84, "storage_pool_lookup_by_name", NameArgs.class, StoragePoolRet.class, HIGH, true)
                .add(85, "storage_pool_lookup_by_uuid", UuidArgs.class, StoragePoolRet.class, HIGH, true)
                .add(86, "storage_pool_lookup_by_volume", StorageVolArgs.class, StoragePoolRet.class, HIGH, true)
                .add(87, "storage_pool_get_info", StoragePoolArgs.class, StoragePoolGetInfoRet.class, HIGH, true)
                .add(88, "storage_pool_get_xml_desc", StoragePoolFlagsArgs.class, XmlRet.class, HIGH, true)
                .add(77, "storage_pool_define_xml", XmlFlagsArgs.class, StoragePoolRet.class, HIGH, false)
                .add(78, "storage_pool_create", StoragePoolFlagsArgs.class, XdrVoid.class, NORMAL, false)
                .add(76, "storage_pool_create_xml", XmlFlagsArgs.class, StoragePoolRet.class, NORMAL, false)
                .add(79, "storage_pool_build", StoragePoolFlagsArgs.class, XdrVoid.class, NORMAL, false)
                .add(80, "storage_pool_destroy", StoragePoolArgs.class, XdrVoid.class, HIGH, false)
                .add(82, "storage_pool_undefine", StoragePoolArgs.class, XdrVoid.class, HIGH, false)
                .add(81, "storage_pool_delete", StoragePoolFlagsArgs.class, XdrVoid.class, NORMAL, false)
                .add(83, "storage_pool_refresh", StoragePoolFlagsArgs.class, XdrVoid.class, NORMAL, false)
                .add(154, "storage_pool_is_active", StoragePoolArgs.class, ActiveRet.class, HIGH, true)
                .add(155, "storage_pool_is_persistent", StoragePoolArgs.class, PersistentRet.class, HIGH, true)
                .add(89, "storage_pool_get_autostart", StoragePoolArgs.class, AutostartRet.class, HIGH, true)
                .add(90, "storage_pool_set_autostart", StoragePoolSetAutostartArgs.class, XdrVoid.class, HIGH, false)
                .add(282, "storage_pool_list_all_volumes",
                        StoragePoolListAllVolumesArgs.class, StoragePoolListAllVolumesRet.class, HIGH, true)
                .add(91, "storage_pool_num_of_volumes", StoragePoolArgs.class, NumRet.class, HIGH, true)
                .add(92, "storage_pool_list_volumes", StoragePoolListVolumesArgs.class, NamesRet.class, HIGH, true)
                .add(95, "storage_vol_lookup_by_name", StorageVolLookupByNameArgs.class, StorageVolRet.class,
                        HIGH, true)
                .add(96, "storage_vol_lookup_by_key", StorageVolLookupByKeyArgs.class, StorageVolRet.class, HIGH, true)
                .add(97, "storage_vol_lookup_by_path", StorageVolLookupByPathArgs.class, StorageVolRet.class,
                        HIGH, true)
                .add(93, "storage_vol_create_xml", StorageVolCreateXmlArgs.class, StorageVolRet.class, NORMAL, false)
                .add(94, "storage_vol_delete", StorageVolFlagsArgs.class, XdrVoid.class, NORMAL, false)
                .add(98, "storage_vol_get_info", StorageVolArgs.class, StorageVolGetInfoRet.class, HIGH, true)
                .add(378, "storage_vol_get_info_flags", StorageVolFlagsArgs.class, StorageVolGetInfoRet.class,
                        HIGH, true)
                .add(99, "storage_vol_get_xml_desc", StorageVolFlagsArgs.class, XmlRet.class, HIGH, true)
                .add(100, "storage_vol_get_path", StorageVolArgs.class, NameRet.class, HIGH, true);
    }
}
