package io.jvirtd.driver.test.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.lock.LockGuard;
import io.jvirtd.api.network.NetworkDriver;
import io.jvirtd.api.network.NetworkRef;
import io.jvirtd.api.object.ObjectHandle;
import io.jvirtd.driver.test.internal.model.NetworkDefinition;
import io.jvirtd.driver.test.internal.model.NetworkXml;

/** The network calls of a test state: the same locking pattern as {@link TestDomains}. */
final class TestNetworks implements NetworkDriver {
    /** virConnectListAllNetworksFlags. */
    private static final int LIST_INACTIVE = 1;
    private static final int LIST_ACTIVE = 2;
    private static final int LIST_PERSISTENT = 4;
    private static final int LIST_TRANSIENT = 8;
    private static final int LIST_AUTOSTART = 16;
    private static final int LIST_NO_AUTOSTART = 32;

    private final TestState state; // immutable
    private final ObjectAccess<TestNetwork> nets; // immutable

    TestNetworks(TestState state) {
        this.state = state;
        this.nets = new ObjectAccess<>(state.networks, VirErrorCode.NO_NETWORK, "network");
    }

    private ObjectHandle<TestNetwork> handle(NetworkRef ref) {
        return nets.byUuid(ref.uuid());
    }

    /** libvirt's test driver resolves most network handles by name (see each call). */
    private ObjectHandle<TestNetwork> named(NetworkRef ref) {
        return nets.byName(ref.name());
    }

    @Override
    public List<NetworkRef> listAll(int flags) {
        Errors.checkFlags("testConnectListAllNetworks", flags, 63);
        List<NetworkRef> out = new ArrayList<>();
        for (TestNetwork n : state.networks.snapshot()) {
            if (ListFilters.pair(flags, LIST_ACTIVE, LIST_INACTIVE, n.active()) && ListFilters.pair(flags, LIST_PERSISTENT, LIST_TRANSIENT,
                    n.persistent()) && ListFilters.pair(flags, LIST_AUTOSTART, LIST_NO_AUTOSTART, n.autostart())) {
                out.add(n.ref());
            }
        }
        return out;
    }


    @Override
    public List<String> names(boolean active, int max) {
        return state.networks.snapshot().stream().filter(n -> n.active() == active).map(TestNetwork::name)
                .limit(Math.max(0, max)).toList();
    }

    @Override
    public NetworkRef lookupByName(String name) {
        return ObjectAccess.read(nets.byName(name), TestNetwork::ref);
    }

    @Override
    public NetworkRef lookupByUuid(UUID uuid) {
        return ObjectAccess.read(nets.byUuid(uuid), TestNetwork::ref);
    }

    @Override
    public String xmlDesc(NetworkRef ref, int flags) {
        Errors.checkFlags("testNetworkGetXMLDesc", flags, 0);
        return ObjectAccess.read(named(ref), n -> NetworkXml.format(n.def()));
    }

    @Override
    public boolean isActive(NetworkRef ref) {
        return ObjectAccess.read(handle(ref), TestNetwork::active);
    }

    @Override
    public boolean isPersistent(NetworkRef ref) {
        return ObjectAccess.read(handle(ref), TestNetwork::persistent);
    }

    @Override
    public boolean autostart(NetworkRef ref) {
        return ObjectAccess.read(named(ref), TestNetwork::autostart);
    }

    @Override
    public String bridgeName(NetworkRef ref) {
        return ObjectAccess.read(named(ref), n -> {
            if (n.def().bridgeName() == null) {
                throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.TEST, String.format(
                        "network '%s' does not have a bridge name.", n.name()));
            }
            return n.def().bridgeName();
        });
    }

    @Override
    public NetworkRef define(String xml, int flags) {
        Errors.checkFlags("testNetworkDefineXMLFlags", flags, 1);
        NetworkDefinition parsed = NetworkXml.parse(xml);
        ObjectHandle<TestNetwork> existing;
        try (LockGuard driver = state.lock.acquire()) {
            existing = existing(parsed);
            if (existing == null) {
                TestNetwork fresh = new TestNetwork(parsed, null, false, true, false);
                try (ObjectHandle<TestNetwork> h = state.networks.addIfAbsent(fresh).orElseThrow(() ->
                        duplicate(parsed))) {
                    return h.value().ref();
                }
            }
        }
        return ObjectAccess.job(existing, "virNetworkDefineXML", h -> {
            TestNetwork n = h.value();
            TestNetwork updated = n.active() ? n.with(n.def(), parsed, true, true, n.autostart())
                    : n.with(parsed, null, false, true, n.autostart());
            h.update(updated);
            return updated.ref();
        });
    }

    private static VirException duplicate(NetworkDefinition parsed) {
        return new VirException(VirErrorCode.OPERATION_FAILED, VirErrorDomain.NETWORK, String.format(
                "network '%s' already exists", parsed.name()));
    }

    /** The network a definition replaces, locked, or null; name and uuid must agree. */
    private ObjectHandle<TestNetwork> existing(NetworkDefinition parsed) {
        Optional<ObjectHandle<TestNetwork>> byUuid = state.networks.findByUuid(parsed.uuid());
        if (byUuid.isPresent()) {
            ObjectHandle<TestNetwork> h = byUuid.get();
            if (!h.value().name().equals(parsed.name())) {
                String other = h.value().name();
                h.close();
                throw new VirException(VirErrorCode.OPERATION_FAILED, VirErrorDomain.NETWORK, String.format(
                        "network '%s' is already defined with uuid %s", other, parsed.uuid()));
            }
            return h;
        }
        Optional<ObjectHandle<TestNetwork>> byName = state.networks.findByName(parsed.name());
        if (byName.isPresent()) {
            UUID other;
            try (ObjectHandle<TestNetwork> h = byName.get()) {
                other = h.value().uuid();
            }
            throw new VirException(VirErrorCode.OPERATION_FAILED, VirErrorDomain.NETWORK, String.format(
                    "network '%s' already exists with uuid %s", parsed.name(), other));
        }
        return null;
    }

    @Override
    public NetworkRef createXml(String xml, int flags) {
        Errors.checkFlags("testNetworkCreateXMLFlags", flags, 0);
        NetworkDefinition parsed = NetworkXml.parse(xml);
        try (LockGuard driver = state.lock.acquire()) {
            ObjectHandle<TestNetwork> existing = existing(parsed);
            if (existing != null) {
                boolean active = existing.value().active();
                existing.close();
                if (active) {
                    throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.NETWORK,
                            "network is already active as '" + parsed.name() + "'");
                }
                throw duplicate(parsed);
            }
            try (ObjectHandle<TestNetwork> h = state.networks.addIfAbsent(new TestNetwork(parsed, null, true, false,
                    false)).orElseThrow(() -> duplicate(parsed))) {
                return h.value().ref();
            }
        }
    }

    @Override
    public void undefine(NetworkRef ref) {
        ObjectAccess.job(named(ref), "virNetworkUndefine", h -> {
            TestNetwork n = h.value();
            if (n.active()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, String.format(
                        "Network '%s' is still running", n.name()));
            }
            state.networks.remove(h);
            return null;
        });
    }

    @Override
    public void create(NetworkRef ref) {
        ObjectAccess.job(named(ref), "virNetworkCreate", h -> {
            TestNetwork n = h.value();
            if (n.active()) {
                throw new VirException(VirErrorCode.OPERATION_INVALID, VirErrorDomain.TEST, String.format(
                        "Network '%s' is already running", n.name()));
            }
            h.update(n.with(n.def(), null, true, n.persistent(), n.autostart()));
            return null;
        });
    }

    @Override
    public void destroy(NetworkRef ref) {
        // libvirt's test driver has no active check here: destroying an inactive network succeeds.
        ObjectAccess.job(named(ref), "virNetworkDestroy", h -> {
            TestNetwork n = h.value();
            if (!n.persistent()) {
                state.networks.remove(h);
            } else {
                NetworkDefinition next = n.pending() != null ? n.pending() : n.def();
                h.update(n.with(next, null, false, true, n.autostart()));
            }
            return null;
        });
    }

    @Override
    public void setAutostart(NetworkRef ref, boolean autostart) {
        ObjectAccess.job(named(ref), "virNetworkSetAutostart", h -> {
            TestNetwork n = h.value(); // no persistence check in libvirt's test driver
            h.update(n.with(n.def(), n.pending(), n.active(), n.persistent(), autostart));
            return null;
        });
    }
}
