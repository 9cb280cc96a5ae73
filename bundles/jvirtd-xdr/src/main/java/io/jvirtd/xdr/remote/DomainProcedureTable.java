package io.jvirtd.xdr.remote;

import static io.jvirtd.api.dispatch.Priority.HIGH;
import static io.jvirtd.api.dispatch.Priority.NORMAL;

import io.jvirtd.xdr.codec.XdrVoid;

/**
 * The REMOTE program's domain procedures, with the host calls {@code virsh} domain commands make (cells free
 * memory, CPU map, domain capabilities for {@code maxvcpus}). The last argument of each {@code add} is false
 * where libvirt's public API refuses the call on a read-only connection whatever the flags
 * (VIR_ERR_OPERATION_DENIED); calls denied only with some flags are true here and checked by the driver.
 */
final class DomainProcedureTable {
    private DomainProcedureTable() {
    }

    static void addTo(ProcedureTable.Builder b) {
        b
                .add(273, "connect_list_all_domains", ListAllArgs.class, ConnectListAllDomainsRet.class, HIGH, true)
                .add(37, "connect_list_domains", ConnectListDomainsArgs.class, ConnectListDomainsRet.class, HIGH, true)
                .add(51, "connect_num_of_domains", XdrVoid.class, NumRet.class, HIGH, true)
                .add(21, "connect_list_defined_domains", MaxnamesArgs.class, NamesRet.class, HIGH, true)
                .add(25, "connect_num_of_defined_domains", XdrVoid.class, NumRet.class, HIGH, true)
                .add(22, "domain_lookup_by_id", DomainLookupByIdArgs.class, DomainRet.class, HIGH, true)
                .add(23, "domain_lookup_by_name", NameArgs.class, DomainRet.class, HIGH, true)
                .add(24, "domain_lookup_by_uuid", UuidArgs.class, DomainRet.class, HIGH, true)
                .add(16, "domain_get_info", DomainArgs.class, DomainGetInfoRet.class, NORMAL, true)
                .add(212, "domain_get_state", DomainFlagsArgs.class, DomainGetStateRet.class, HIGH, true)
                .add(14, "domain_get_xml_desc", DomainFlagsArgs.class, XmlRet.class, NORMAL, true)
                .add(19, "domain_get_os_type", DomainArgs.class, DomainGetOsTypeRet.class, HIGH, true)
                .add(11, "domain_define_xml", XmlArgs.class, DomainRet.class, HIGH, false)
                .add(350, "domain_define_xml_flags", XmlFlagsArgs.class, DomainRet.class, HIGH, false)
                .add(35, "domain_undefine", DomainArgs.class, XdrVoid.class, HIGH, false)
                .add(231, "domain_undefine_flags", DomainFlagsArgs.class, XdrVoid.class, HIGH, false)
                .add(9, "domain_create", DomainArgs.class, XdrVoid.class, NORMAL, false)
                .add(196, "domain_create_with_flags", DomainFlagsArgs.class, DomainRet.class, NORMAL, false)
                .add(10, "domain_create_xml", XmlFlagsArgs.class, DomainRet.class, NORMAL, false)
                .add(12, "domain_destroy", DomainArgs.class, XdrVoid.class, HIGH, false)
                .add(234, "domain_destroy_flags", DomainFlagsArgs.class, XdrVoid.class, HIGH, false)
                .add(34, "domain_suspend", DomainArgs.class, XdrVoid.class, NORMAL, false)
                .add(28, "domain_resume", DomainArgs.class, XdrVoid.class, NORMAL, false)
                .add(33, "domain_shutdown", DomainArgs.class, XdrVoid.class, NORMAL, false)
                .add(258, "domain_shutdown_flags", DomainFlagsArgs.class, XdrVoid.class, NORMAL, false)
                .add(27, "domain_reboot", DomainFlagsArgs.class, XdrVoid.class, NORMAL, false)
                .add(15, "domain_get_autostart", DomainArgs.class, AutostartRet.class, HIGH, true)
                .add(29, "domain_set_autostart", DomainSetAutostartArgs.class, XdrVoid.class, HIGH, false)
                .add(150, "domain_is_active", DomainArgs.class, ActiveRet.class, HIGH, true)
                .add(151, "domain_is_persistent", DomainArgs.class, PersistentRet.class, HIGH, true)
                .add(202, "domain_is_updated", DomainArgs.class, DomainIsUpdatedRet.class, HIGH, true)
                .add(200, "domain_get_vcpus_flags", DomainFlagsArgs.class, NumRet.class, NORMAL, true)
                .add(18, "domain_get_max_vcpus", DomainArgs.class, NumRet.class, HIGH, true)
                .add(17, "domain_get_max_memory", DomainArgs.class, DomainGetMaxMemoryRet.class, HIGH, true)
                .add(31, "domain_set_memory", DomainMemoryArgs.class, XdrVoid.class, NORMAL, false)
                .add(204, "domain_set_memory_flags", DomainSetMemoryFlagsArgs.class, XdrVoid.class, NORMAL, false)
                .add(30, "domain_set_max_memory", DomainMemoryArgs.class, XdrVoid.class, HIGH, false)
                .add(183, "domain_has_managed_save_image", DomainFlagsArgs.class, DomainHasManagedSaveImageRet.class,
                        NORMAL, true)
                .add(184, "domain_managed_save_remove", DomainFlagsArgs.class, XdrVoid.class, NORMAL, false)
                .add(187, "domain_snapshot_num", DomainFlagsArgs.class, NumRet.class, HIGH, true)
                .add(274, "domain_list_all_snapshots",
                        DomainListAllSnapshotsArgs.class, DomainListAllSnapshotsRet.class, HIGH, true)
                .add(121, "domain_get_security_label", DomainArgs.class, DomainGetSecurityLabelRet.class, HIGH, true)
                .add(426, "domain_get_messages", DomainFlagsArgs.class, DomainGetMessagesRet.class, NORMAL, true)
                .add(265, "domain_get_metadata", DomainGetMetadataArgs.class, DomainGetMetadataRet.class, NORMAL, true)
                .add(56, "domain_get_scheduler_type", DomainArgs.class, DomainGetSchedulerTypeRet.class, NORMAL, true)
                .add(57, "domain_get_scheduler_parameters",
                        DomainGetSchedulerParametersArgs.class, DomainGetSchedulerParametersRet.class, NORMAL, true)
                .add(223, "domain_get_scheduler_parameters_flags",
                        DomainGetSchedulerParametersFlagsArgs.class, DomainGetSchedulerParametersRet.class,
                        NORMAL, true)
                .add(58, "domain_set_scheduler_parameters", DomainSetSchedulerParametersArgs.class, XdrVoid.class,
                        NORMAL, false)
                .add(219, "domain_set_scheduler_parameters_flags",
                        DomainSetSchedulerParametersFlagsArgs.class, XdrVoid.class, NORMAL, false)
                .add(20, "domain_get_vcpus", DomainGetVcpusArgs.class, DomainGetVcpusRet.class, HIGH, true)
                .add(230, "domain_get_vcpu_pin_info", DomainGetVcpuPinInfoArgs.class, DomainGetVcpuPinInfoRet.class,
                        NORMAL, true)
                .add(280, "domain_get_emulator_pin_info",
                        DomainGetEmulatorPinInfoArgs.class, DomainGetEmulatorPinInfoRet.class, NORMAL, true)
                .add(32, "domain_set_vcpus", DomainSetVcpusArgs.class, XdrVoid.class, NORMAL, false)
                .add(199, "domain_set_vcpus_flags", DomainSetVcpusFlagsArgs.class, XdrVoid.class, NORMAL, false)
                .add(101, "node_get_cells_free_memory",
                        NodeGetCellsFreeMemoryArgs.class, NodeGetCellsFreeMemoryRet.class, HIGH, true)
                .add(293, "node_get_cpu_map", NodeGetCpuMapArgs.class, NodeGetCpuMapRet.class, NORMAL, true)
                .add(342, "connect_get_domain_capabilities",
                        ConnectGetDomainCapabilitiesArgs.class, ConnectGetCapabilitiesRet.class, NORMAL, false);
    }
}
