package io.jvirtd.driver.test.internal;

import java.util.List;
import java.util.Optional;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.iface.InterfaceDriver;
import io.jvirtd.api.iface.InterfaceRef;
import io.jvirtd.api.lock.LockGuard;
import io.jvirtd.api.object.ObjectHandle;
import io.jvirtd.driver.test.internal.model.InterfaceDefinition;
import io.jvirtd.driver.test.internal.model.InterfaceXml;

/** The host-interface calls of a test state. */
final class TestInterfaces implements InterfaceDriver {
    private static final int LIST_INACTIVE = 1;
    private static final int LIST_ACTIVE = 2;

    private final TestState state; // immutable
    private final ObjectAccess<TestInterface> ifaces; // immutable

    TestInterfaces(TestState state) {
        this.state = state;
        this.ifaces = new ObjectAccess<>(state.interfaces, VirErrorCode.NO_INTERFACE, "interface");
    }

    @Override
    public List<InterfaceRef> listAll(int flags) {
        Errors.checkFlags("testConnectListAllInterfaces", flags, LIST_ACTIVE | LIST_INACTIVE);
        boolean a = (flags & LIST_ACTIVE) != 0;
        boolean i = (flags & LIST_INACTIVE) != 0;
        return state.interfaces.snapshot().stream().filter(x -> a == i || (a && x.active()) || (i && !x.active()))
                .map(TestInterface::ref).toList();
    }

    @Override
    public List<String> names(boolean active, int max) {
        return state.interfaces.snapshot().stream().filter(x -> x.active() == active).map(TestInterface::name)
                .limit(Math.max(0, max)).toList();
    }

    private ObjectHandle<TestInterface> named(String name) {
        return state.interfaces.findByName(name).orElseThrow(() ->
                ifaces.notFound("no interface with matching name '" + name + "'"));
    }

    @Override
    public InterfaceRef lookupByName(String name) {
        return ObjectAccess.read(named(name), TestInterface::ref);
    }

    @Override
    public InterfaceRef lookupByMac(String mac) {
        List<TestInterface> matches = state.interfaces.snapshot().stream()
                .filter(x -> x.def().mac() != null && x.def().mac().equalsIgnoreCase(mac)).toList();
        if (matches.isEmpty()) {
            throw ifaces.notFound("no interface with matching mac '" + mac + "'");
        }
        if (matches.size() > 1) {
            throw new VirException(VirErrorCode.MULTIPLE_INTERFACES, VirErrorDomain.TEST, null);
        }
        return matches.get(0).ref();
    }

    @Override
    public String xmlDesc(InterfaceRef ref, int flags) {
        Errors.checkFlags("testInterfaceGetXMLDesc", flags, 0);
        return ObjectAccess.read(named(ref.name()), x -> InterfaceXml.format(x.def()));
    }

    @Override
    public boolean isActive(InterfaceRef ref) {
        return ObjectAccess.read(named(ref.name()), TestInterface::active);
    }

    @Override
    public InterfaceRef define(String xml, int flags) {
        Errors.checkFlags("testInterfaceDefineXML", flags, 0);
        InterfaceDefinition parsed = InterfaceXml.parse(xml);
        try (LockGuard driver = state.lock.acquire()) {
            Optional<ObjectHandle<TestInterface>> existing = state.interfaces.findByName(parsed.name());
            if (existing.isPresent()) {
                try (ObjectHandle<TestInterface> h = existing.get()) {
                    TestInterface updated = new TestInterface(parsed, h.value().active());
                    h.update(updated);
                    return updated.ref();
                }
            }
            try (ObjectHandle<TestInterface> h = state.interfaces.addIfAbsent(new TestInterface(parsed, false))
                    .orElseThrow(() -> new VirException(VirErrorCode.OPERATION_FAILED, VirErrorDomain.TEST,
                            "interface '" + parsed.name() + "' already exists"))) {
                return h.value().ref();
            }
        }
    }

    @Override
    public void undefine(InterfaceRef ref) {
        ObjectAccess.job(named(ref.name()), "virInterfaceUndefine", h -> {
            state.interfaces.remove(h);
            return null;
        });
    }

    @Override
    public void create(InterfaceRef ref, int flags) {
        Errors.checkFlags("testInterfaceCreate", flags, 0);
        ObjectAccess.job(named(ref.name()), "virInterfaceCreate", h -> {
            if (h.value().active()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, null);
            }
            h.update(new TestInterface(h.value().def(), true));
            return null;
        });
    }

    @Override
    public void destroy(InterfaceRef ref, int flags) {
        Errors.checkFlags("testInterfaceDestroy", flags, 0);
        ObjectAccess.job(named(ref.name()), "virInterfaceDestroy", h -> {
            if (!h.value().active()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, null);
            }
            h.update(new TestInterface(h.value().def(), false));
            return null;
        });
    }
}
