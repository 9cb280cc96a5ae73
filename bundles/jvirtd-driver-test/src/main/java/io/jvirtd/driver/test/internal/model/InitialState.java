package io.jvirtd.driver.test.internal.model;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The objects a test connection starts with: test:///default's built-in set, or a
 * test:///PATH file's. The file is a {@code <node>} with optional {@code <cpu>} figures
 * (nodes, sockets, cores, threads, active, mhz, model) and {@code <memory>} (KiB), then
 * {@code <domain>}, {@code <network>}, {@code <interface>}, {@code <pool>} (with
 * {@code <volume>} children), {@code <device>} and {@code <auth><user password=>} children;
 * any object may instead be {@code file='NAME'}, resolved against the file's directory.
 * Loading follows the test driver: every domain not in runstate 5 (shutoff) runs with ids
 * from 1 in document order, reason 0; networks, interfaces and pools are active; pools get
 * 100 GiB and the sum of their volumes' allocations. Immutable.
 *
 * @param nextDomainId the id the next started domain gets
 */
public record InitialState(HostDescription host, List<DomainEntry> domains, List<NetworkEntry> networks,
                           List<InterfaceEntry> interfaces, List<PoolEntry> pools,
                           List<NodeDeviceDefinition> nodeDevices, List<AuthUser> authUsers, int nextDomainId) {

    private static final String DEFAULT_RESOURCE = "default-node.xml";

    public InitialState {
        domains = List.copyOf(domains);
        networks = List.copyOf(networks);
        interfaces = List.copyOf(interfaces);
        pools = List.copyOf(pools);
        nodeDevices = List.copyOf(nodeDevices);
        authUsers = List.copyOf(authUsers);
    }

    /**
     * A domain and how it starts.
     *
     * @param id     its id when not shut off, else -1
     * @param state  a virDomainState number
     * @param reason the state reason (0 for all loaded domains)
     */
    public record DomainEntry(DomainDefinition definition, int id, int state, int reason, boolean persistent,
                              boolean hasManagedSave) {
    }

    public record NetworkEntry(NetworkDefinition definition, boolean active, boolean persistent, boolean autostart) {
    }

    public record InterfaceEntry(InterfaceDefinition definition, boolean active) {
    }

    /** A pool (sizes already counting its volumes) and its volumes in document order. */
    public record PoolEntry(StoragePoolDefinition definition, boolean active, boolean persistent, boolean autostart,
                            List<StorageVolumeDefinition> volumes) {
        public PoolEntry {
            volumes = List.copyOf(volumes);
        }
    }

    /** A user of {@code <auth>}: the connection then requires these credentials; password may be null. */
    public record AuthUser(String username, String password) {
    }

    /** test:///default: domain "test" running as id 1, network "default", interface eth1, pool "default-pool", 4 devices. */
    public static InitialState defaultState() {
        String xml;
        try (InputStream in = InitialState.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        XmlElement root = XmlParser.parse(xml, "(test driver)", VirErrorDomain.TEST, "node");
        return parse(root, null, HostDescription.DEFAULT);
    }

    /** A test:///PATH file, with the test driver's errors for a missing, unreadable or invalid one. */
    public static InitialState load(Path file) {
        XmlElement root = XmlParser.parse(read(file), file.toString(), VirErrorDomain.TEST, "node");
        HostDescription d = HostDescription.DEFAULT;
        int nodes = cpuFigure(root, "nodes", d.nodes());
        int sockets = cpuFigure(root, "sockets", d.sockets());
        int cores = cpuFigure(root, "cores", d.cores());
        int threads = cpuFigure(root, "threads", d.threads());
        int cpus = nodes * sockets * cores * threads;
        int active = cpuFigure(root, "active", cpus);
        int mhz = cpuFigure(root, "mhz", d.mhz());
        XmlElement cpu = root.child("cpu").orElse(null);
        String model = cpu == null || cpu.childText("model") == null ? d.model() : cpu.childText("model");
        long memory = root.child("memory").map(m -> parseLong(m.textContent(), "invalid node memory value"))
                .orElse(d.memoryKiB());
        HostDescription host = d.withFileFigures(model, memory, Math.min(cpus, active), mhz, nodes, sockets, cores,
                threads);
        return parse(root, file, host);
    }

    private static InitialState parse(XmlElement root, Path file, HostDescription host) {
        List<DomainEntry> domains = new ArrayList<>();
        int nextId = 1;
        for (XmlElement e : root.children("domain")) {
            DomainDefinition def = DomainXml.fromElement(resolve(e, file));
            DomainDefinition.TestNamespace ns = def.test();
            boolean running = ns.runState() != 5;
            domains.add(new DomainEntry(def, running ? nextId++ : -1, ns.runState(), 0, !ns.transientDomain(),
                    ns.hasManagedSave()));
        }
        List<NetworkEntry> networks = new ArrayList<>();
        for (XmlElement e : root.children("network")) {
            networks.add(new NetworkEntry(NetworkXml.fromElement(resolve(e, file)), true, true, false));
        }
        List<InterfaceEntry> interfaces = new ArrayList<>();
        for (XmlElement e : root.children("interface")) {
            interfaces.add(new InterfaceEntry(InterfaceXml.fromElement(resolve(e, file)), true));
        }
        List<PoolEntry> pools = new ArrayList<>();
        for (XmlElement e : root.children("pool")) {
            XmlElement poolEl = resolve(e, file);
            StoragePoolDefinition pool = PoolXml.fromElement(poolEl).withTestDefaults();
            List<StorageVolumeDefinition> volumes = new ArrayList<>();
            for (XmlElement v : poolEl.children("volume")) {
                StorageVolumeDefinition vol = VolumeXml.fromElement(resolve(v, file)).loadedIn(pool);
                volumes.add(vol);
                pool = pool.withAllocated(vol.allocation());
            }
            pools.add(new PoolEntry(pool, true, true, false, volumes));
        }
        List<NodeDeviceDefinition> devices = new ArrayList<>();
        for (XmlElement e : root.children("device")) {
            devices.add(NodeDeviceXml.fromElement(resolve(e, file)));
        }
        List<AuthUser> users = new ArrayList<>();
        root.child("auth").ifPresent(auth -> auth.children("user").forEach(u -> {
            String name = u.textContent().strip();
            if (name.isEmpty()) {
                throw new VirException(VirErrorCode.XML_ERROR, VirErrorDomain.TEST,
                        "missing username in /node/auth/user field");
            }
            users.add(new AuthUser(name, u.attr("password")));
        }));
        return new InitialState(host, domains, networks, interfaces, pools, devices, users, nextId);
    }

    /** The element itself, or the root of the file its {@code file=} names. */
    private static XmlElement resolve(XmlElement e, Path file) {
        String ref = e.attr("file");
        if (ref == null) {
            return e;
        }
        Path p = Path.of(ref);
        if (!p.isAbsolute()) {
            Path dir = file == null ? null : file.toAbsolutePath().getParent();
            p = dir == null ? p : dir.resolve(ref);
        }
        return XmlParser.parse(read(p), p.toString(), VirErrorDomain.TEST, null);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new VirException(VirErrorCode.XML_ERROR, VirErrorDomain.TEST,
                    "failed to parse xml document '" + p + "'", e);
        }
    }

    private static int cpuFigure(XmlElement root, String name, int dflt) {
        Function<String, Integer> parse = t -> (int) parseLong(t, "invalid node cpu " + name + " value");
        return root.child("cpu").flatMap(c -> c.child(name)).map(XmlElement::textContent).map(parse).orElse(dflt);
    }

    private static long parseLong(String text, String error) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new VirException(VirErrorCode.XML_ERROR, VirErrorDomain.TEST, error);
        }
    }
}
