package io.jvirtd.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.jvirtd.api.driver.DriverInfo;
import io.jvirtd.api.driver.DriverRegistry;
import io.jvirtd.api.driver.Driver;
import io.jvirtd.xdr.codec.XdrVoid;
import io.jvirtd.xdr.remote.NameArgs;
import io.jvirtd.xdr.remote.ProcedureDescriptor;
import io.jvirtd.xdr.remote.RemoteProcedures;

import org.junit.jupiter.api.Test;

class HandlerTableTest {
    /** Described in the table but not served yet: clients get "unknown procedure" and fall back. */
    private static final Set<Integer> NOT_SERVED = Set.of(
            265, // domain_get_metadata
            342, // connect_get_domain_capabilities (virsh maxvcpus falls back to connect_get_max_vcpus)
            313, 314, // network event registration
            368, 369); // storage pool event registration

    private static final DriverRegistry NO_DRIVERS = new DriverRegistry() {
        @Override
        public List<DriverInfo> drivers() {
            return List.of();
        }

        @Override
        public Optional<Driver> forScheme(String scheme) {
            return Optional.empty();
        }
    };

    @Test
    void everyCallInTheTableHasABehaviourAndNoMessageIsCallable() {
        HandlerTable handlers = new RemoteDispatcher(NO_DRIVERS, c -> { }, (c, m) -> { }).handlers();
        Set<Integer> expected = new TreeSet<>();
        for (ProcedureDescriptor p : RemoteProcedures.all()) {
            if (!p.message() && !NOT_SERVED.contains(p.number())) {
                expected.add(p.number());
            }
        }
        assertEquals(expected, new TreeSet<>(handlers.procedures()));
    }

    @Test
    void aHandlerMustTakeTheTablesArgumentsAndComeOnce() {
        HandlerTable t = new HandlerTable();
        IllegalArgumentException wrongArgs = assertThrows(IllegalArgumentException.class,
                () -> t.on(23, XdrVoid.class, (c, a) -> a));
        assertTrue(wrongArgs.getMessage().contains("domain_lookup_by_name takes NameArgs"), wrongArgs.getMessage());
        t.on(23, NameArgs.class, (c, a) -> a);
        assertThrows(IllegalArgumentException.class, () -> t.on(23, NameArgs.class, (c, a) -> a));
        assertThrows(IllegalArgumentException.class, () -> t.on(99999, XdrVoid.class, (c, a) -> a));
    }
}
