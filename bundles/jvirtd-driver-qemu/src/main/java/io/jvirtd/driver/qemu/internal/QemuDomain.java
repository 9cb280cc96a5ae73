package io.jvirtd.driver.qemu.internal;

import java.util.UUID;

import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.domain.DomainState;
import io.jvirtd.api.object.Keyed;
import io.jvirtd.driver.qemu.internal.model.DomainDef;

/**
 * One domain as the driver's object list holds it. Immutable: a change replaces the value under
 * the object lock (inside a job).
 *
 * @param config the persistent definition, or null for a transient domain
 * @param live the running definition (values QEMU chose included); null while inactive, except for a
 *        transient domain being created
 * @param id the id while active, else -1
 * @param state the {@link DomainState} number
 * @param reason its reason
 * @param autostart whether the driver starts it when it starts
 * @param runtime the QEMU process and monitor while active, else null
 */
record QemuDomain(DomainDef config, DomainDef live, int id, int state, int reason, boolean autostart,
        GuestRuntime runtime) implements Keyed {

    static QemuDomain defined(DomainDef config, boolean autostart) {
        return new QemuDomain(config, null, -1, DomainState.SHUTOFF, Reasons.SHUTOFF_UNKNOWN, autostart, null);
    }

    /** The definition in force: the live one while running. */
    DomainDef def() {
        return live != null ? live : config;
    }

    @Override
    public String name() {
        return def().name();
    }

    @Override
    public UUID uuid() {
        return def().uuid();
    }

    /** Running (or paused...): a QEMU process belongs to it. */
    boolean active() {
        return runtime != null;
    }

    boolean persistent() {
        return config != null;
    }

    DomainRef ref() {
        return new DomainRef(name(), uuid(), id);
    }

    QemuDomain withConfig(DomainDef c) {
        return new QemuDomain(c, live, id, state, reason, autostart, runtime);
    }

    QemuDomain withLive(DomainDef l) {
        return new QemuDomain(config, l, id, state, reason, autostart, runtime);
    }

    QemuDomain withState(int s, int r) {
        return new QemuDomain(config, live, id, s, r, autostart, runtime);
    }

    QemuDomain withAutostart(boolean a) {
        return new QemuDomain(config, live, id, state, reason, a, runtime);
    }

    QemuDomain running(DomainDef l, int newId, int s, int r, GuestRuntime rt) {
        return new QemuDomain(config, l, newId, s, r, autostart, rt);
    }

    QemuDomain stopped(int r) {
        return new QemuDomain(config, null, -1, DomainState.SHUTOFF, r, autostart, null);
    }
}
