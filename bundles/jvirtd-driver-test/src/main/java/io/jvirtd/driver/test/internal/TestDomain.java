package io.jvirtd.driver.test.internal;

import java.util.UUID;

import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.domain.DomainState;
import io.jvirtd.api.object.Keyed;
import io.jvirtd.driver.test.internal.model.DomainDefinition;

/**
 * One domain of a test connection's state, as kept in its object list: the live definition, the
 * persistent one waiting for the next start ({@code pending}, null when none), and the run state.
 * Immutable: every change replaces the value under the object lock.
 *
 * @param def the definition in force (the live one while running)
 * @param pending the persistent definition to use from the next start, or null
 * @param id the id while active, -1 otherwise
 * @param state the {@link DomainState} number
 * @param reason the state's reason number
 * @param persistent whether it is defined (survives stop)
 * @param autostart whether it starts with the driver
 * @param managedSave whether a managed save image exists
 */
record TestDomain(DomainDefinition def, DomainDefinition pending, int id, int state, int reason, boolean persistent,
        boolean autostart, boolean managedSave) implements Keyed {

    @Override
    public String name() {
        return def.name();
    }

    @Override
    public UUID uuid() {
        return def.uuid();
    }

    boolean active() {
        return id >= 0;
    }

    /** The persistent definition (the pending one while running with one, else the current). */
    DomainDefinition persistentDef() {
        return pending != null ? pending : def;
    }

    DomainRef ref() {
        return new DomainRef(def.name(), def.uuid(), id);
    }

    TestDomain withDef(DomainDefinition d) {
        return new TestDomain(d, pending, id, state, reason, persistent, autostart, managedSave);
    }

    TestDomain withPending(DomainDefinition p) {
        return new TestDomain(def, p, id, state, reason, persistent, autostart, managedSave);
    }

    TestDomain withState(int newState, int newReason) {
        return new TestDomain(def, pending, id, newState, newReason, persistent, autostart, managedSave);
    }

    /** Running from now on with {@code newId}, in {@code newState}/{@code newReason}. */
    TestDomain started(int newId, int newState, int newReason) {
        return new TestDomain(def, pending, newId, newState, newReason, persistent, autostart, managedSave);
    }

    /** Shut off with {@code newReason}; the pending definition, if any, takes over. */
    TestDomain stopped(int newReason) {
        DomainDefinition next = pending != null ? pending : def;
        return new TestDomain(next, null, -1, DomainState.SHUTOFF, newReason, persistent, autostart, managedSave);
    }

    TestDomain withPersistent(boolean p) {
        return new TestDomain(def, p ? pending : null, id, state, reason, p, autostart, managedSave);
    }

    TestDomain withAutostart(boolean a) {
        return new TestDomain(def, pending, id, state, reason, persistent, a, managedSave);
    }

    TestDomain withManagedSave(boolean m) {
        return new TestDomain(def, pending, id, state, reason, persistent, autostart, m);
    }
}
