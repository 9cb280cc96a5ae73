package io.jvirtd.api.domain;

import java.util.List;
import java.util.UUID;

import io.jvirtd.api.driver.Subscription;
import io.jvirtd.api.driver.TypedParameter;
import io.jvirtd.api.driver.Unsupported;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The domain calls of one open connection (libvirt's hypervisor driver table, domain part). Called
 * from worker threads with no RPC lock held, several at once; an implementation takes its own
 * driver, object and job locks. Flags are libvirt's numbers. A domain that does not exist (any
 * more) is {@code VIR_ERR_NO_DOMAIN}. Every call a driver does not override fails with
 * {@code VIR_ERR_NO_SUPPORT} naming the public API.
 */
@ConsumerType
public interface DomainDriver {

    private static VirException unsupported(String api) {
        return Unsupported.api(VirErrorDomain.DOMAIN, api);
    }

    /** {@code virConnectListAllDomains}: the domains matching {@code flags} (0 = all). */
    default List<DomainRef> listAll(int flags) {
        throw unsupported("virConnectListAllDomains");
    }

    /** The ids of running domains, at most {@code max}. */
    default List<Integer> activeIds(int max) {
        throw unsupported("virConnectListDomains");
    }

    /** The names of defined, inactive domains, at most {@code max}. */
    default List<String> inactiveNames(int max) {
        throw unsupported("virConnectListDefinedDomains");
    }

    default DomainRef lookupById(int id) {
        throw unsupported("virDomainLookupByID");
    }

    default DomainRef lookupByName(String name) {
        throw unsupported("virDomainLookupByName");
    }

    default DomainRef lookupByUuid(UUID uuid) {
        throw unsupported("virDomainLookupByUUID");
    }

    default DomainInfo info(DomainRef dom) {
        throw unsupported("virDomainGetInfo");
    }

    default DomainState state(DomainRef dom, int flags) {
        throw unsupported("virDomainGetState");
    }

    default String xmlDesc(DomainRef dom, int flags) {
        throw unsupported("virDomainGetXMLDesc");
    }

    default String osType(DomainRef dom) {
        throw unsupported("virDomainGetOSType");
    }

    /** Defines (or redefines) a persistent domain; emits DEFINED. */
    default DomainRef define(String xml, int flags) {
        throw unsupported("virDomainDefineXML");
    }

    default void undefine(DomainRef dom, int flags) {
        throw unsupported("virDomainUndefine");
    }

    /** Starts a defined domain; returns its handle with the new id. */
    default DomainRef create(DomainRef dom, int flags) {
        throw unsupported("virDomainCreate");
    }

    /** Creates and starts a transient domain. */
    default DomainRef createXml(String xml, int flags) {
        throw unsupported("virDomainCreateXML");
    }

    default void destroy(DomainRef dom, int flags) {
        throw unsupported("virDomainDestroy");
    }

    default void suspend(DomainRef dom) {
        throw unsupported("virDomainSuspend");
    }

    default void resume(DomainRef dom) {
        throw unsupported("virDomainResume");
    }

    default void shutdown(DomainRef dom, int flags) {
        throw unsupported("virDomainShutdown");
    }

    default void reboot(DomainRef dom, int flags) {
        throw unsupported("virDomainReboot");
    }

    default boolean autostart(DomainRef dom) {
        throw unsupported("virDomainGetAutostart");
    }

    default void setAutostart(DomainRef dom, boolean autostart) {
        throw unsupported("virDomainSetAutostart");
    }

    default boolean isActive(DomainRef dom) {
        throw unsupported("virDomainIsActive");
    }

    default boolean isPersistent(DomainRef dom) {
        throw unsupported("virDomainIsPersistent");
    }

    default boolean isUpdated(DomainRef dom) {
        throw unsupported("virDomainIsUpdated");
    }

    /** {@code virDomainGetVcpusFlags}: the vCPU count for LIVE / CONFIG / MAXIMUM flags. */
    default int vcpuCount(DomainRef dom, int flags) {
        throw unsupported("virDomainGetVcpusFlags");
    }

    default int maxVcpus(DomainRef dom) {
        throw unsupported("virDomainGetMaxVcpus");
    }

    /** {@code virDomainSetVcpusFlags}. */
    default void setVcpus(DomainRef dom, int count, int flags) {
        throw unsupported("virDomainSetVcpusFlags");
    }

    /** {@code virDomainGetVcpus}: at most {@code max} vCPUs, cpu maps {@code mapLength} bytes each. */
    default List<VcpuInfo> vcpuInfo(DomainRef dom, int max, int mapLength) {
        throw unsupported("virDomainGetVcpus");
    }

    /** {@code virDomainGetVcpuPinInfo}: one cpu map of {@code mapLength} bytes per vCPU. */
    default List<byte[]> vcpuPinInfo(DomainRef dom, int max, int mapLength, int flags) {
        throw unsupported("virDomainGetVcpuPinInfo");
    }

    /** {@code virDomainGetEmulatorPinInfo}: the emulator threads' cpu map. */
    default byte[] emulatorPinInfo(DomainRef dom, int mapLength, int flags) {
        throw unsupported("virDomainGetEmulatorPinInfo");
    }

    /** Max memory in KiB. */
    default long maxMemory(DomainRef dom) {
        throw unsupported("virDomainGetMaxMemory");
    }

    /** {@code virDomainSetMemoryFlags}: KiB; flag MAXIMUM (4) sets the maximum. */
    default void setMemory(DomainRef dom, long kib, int flags) {
        throw unsupported("virDomainSetMemoryFlags");
    }

    default boolean hasManagedSaveImage(DomainRef dom, int flags) {
        throw unsupported("virDomainHasManagedSaveImage");
    }

    default void managedSaveRemove(DomainRef dom, int flags) {
        throw unsupported("virDomainManagedSaveRemove");
    }

    default int snapshotCount(DomainRef dom, int flags) {
        throw unsupported("virDomainSnapshotNum");
    }

    default List<String> snapshotNames(DomainRef dom, int max, int flags) {
        throw unsupported("virDomainSnapshotListNames");
    }

    default SecurityLabel securityLabel(DomainRef dom) {
        throw unsupported("virDomainGetSecurityLabel");
    }

    default List<String> messages(DomainRef dom, int flags) {
        throw unsupported("virDomainGetMessages");
    }

    /** The scheduler's name, e.g. {@code fair} or {@code posix}. */
    default String schedulerType(DomainRef dom) {
        throw unsupported("virDomainGetSchedulerType");
    }

    default List<TypedParameter> schedulerParameters(DomainRef dom, int flags) {
        throw unsupported("virDomainGetSchedulerParameters");
    }

    default void setSchedulerParameters(DomainRef dom, List<TypedParameter> params, int flags) {
        throw unsupported("virDomainSetSchedulerParameters");
    }

    /**
     * Registers for lifecycle events of all domains of this connection's driver. The listener runs
     * with no driver lock held, on whatever thread made the change.
     */
    default Subscription subscribe(DomainEventListener listener) {
        throw unsupported("virConnectDomainEventRegisterAny");
    }
}
