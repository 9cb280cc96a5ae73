package io.jvirtd.driver.test.internal;

import java.nio.file.Path;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.lock.LockFactory;
import io.jvirtd.api.object.ObjectHandle;
import io.jvirtd.api.object.ObjectListFactory;
import io.jvirtd.driver.test.internal.model.InitialState;

/** Builds the live state of a test URI from its initial description (built-in or a file). */
final class TestStateLoader {
    private TestStateLoader() {
    }

    static TestState load(String uri, LockFactory locks, ObjectListFactory lists) {
        InitialState initial = uri.equals(TestDriver.DEFAULT_URI) ? InitialState.defaultState()
                : InitialState.load(Path.of(uri.substring("test://".length())));
        TestState state = new TestState(uri, TestHost.of(initial.host()), locks, lists);
        for (InitialState.DomainEntry d : initial.domains()) {
            add(state.domains.addIfAbsent(new TestDomain(d.definition().withGeneratedIfnames(), null, d.id(),
                    d.state(), d.reason(), d.persistent(), false, d.hasManagedSave())), d.definition().name());
        }
        state.nextDomainId.set(initial.nextDomainId());
        for (InitialState.NetworkEntry n : initial.networks()) {
            add(state.networks.addIfAbsent(new TestNetwork(n.definition(), null, n.active(), n.persistent(),
                    n.autostart())), n.definition().name());
        }
        for (InitialState.PoolEntry p : initial.pools()) {
            add(state.pools.addIfAbsent(new TestPool(p.definition(), p.active(), p.persistent(), p.autostart(),
                    p.volumes())), p.definition().name());
        }
        for (var dev : initial.nodeDevices()) {
            add(state.devices.addIfAbsent(new TestNodeDevice(dev)), dev.name());
        }
        for (InitialState.InterfaceEntry i : initial.interfaces()) {
            add(state.interfaces.addIfAbsent(new TestInterface(i.definition(), i.active())), i.definition().name());
        }
        return state;
    }

    /** Releases the handle of a freshly added object; a duplicate in the description is an error. */
    private static void add(java.util.Optional<? extends ObjectHandle<?>> added, String name) {
        ObjectHandle<?> h = added.orElseThrow(() -> new VirException(VirErrorCode.OPERATION_FAILED,
                VirErrorDomain.TEST, "'" + name + "' is defined twice"));
        h.close();
    }
}
