package io.jvirtd.driver.test.internal.model;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Storage pool XML ({@code <pool>}) to {@link StoragePoolDefinition} and back, as libvirt 9.0 prints it. */
public final class PoolXml {
    private static final List<String> POOL_TYPES = List.of("dir", "fs", "netfs", "logical", "disk", "iscsi",
            "iscsi-direct", "scsi", "mpath", "rbd", "sheepdog", "gluster", "zfs", "vstorage");
    /** Pool types whose target path is required. */
    private static final Set<String> LOCAL_TYPES = Set.of("dir", "fs", "netfs", "logical", "disk", "iscsi", "scsi",
            "mpath", "zfs", "vstorage");
    private static final List<String> SOURCE_ORDER = List.of("host", "device", "dir", "adapter", "name", "format",
            "auth", "vendor", "product");

    private PoolXml() {
    }

    public static StoragePoolDefinition parse(String xml) {
        return fromElement(XmlParser.parse(xml, "(storage_pool_definition)", VirErrorDomain.STORAGE, "pool"));
    }

    public static StoragePoolDefinition fromElement(XmlElement root) {
        if (!"pool".equals(root.name())) {
            throw VirException.of(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                    "expecting root element of 'pool', not '%s'", root.name());
        }
        String type = root.attr("type");
        if (type == null) {
            throw VirException.of(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                    "Missing required attribute 'type' in element 'pool'");
        }
        if (!POOL_TYPES.contains(type)) {
            throw VirException.of(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                    "Invalid value for attribute 'type' in element 'pool': '%s'.", type);
        }
        String name = root.childText("name");
        if (name == null || name.isEmpty()) {
            // libvirt 9.0's wording for a pool without <name>
            throw err("missing pool source name element");
        }
        if (name.contains("/")) {
            throw err("name " + name + " cannot contain '/'");
        }
        UUID uuid = Uuids.generate();
        String uuidText = root.childText("uuid");
        if (uuidText != null && (uuid = Uuids.parseOrNull(uuidText)) == null) {
            throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.STORAGE, "malformed uuid element");
        }
        List<XmlElement> source = new ArrayList<>(root.child("source").map(XmlElement::children).orElse(List.of()));
        source.sort(Comparator.comparingInt(e -> {
            int i = SOURCE_ORDER.indexOf(e.name());
            return i < 0 ? SOURCE_ORDER.size() : i;
        }));
        XmlElement target = root.child("target").orElse(null);
        String path = target == null ? null : target.childText("path");
        if (path == null && LOCAL_TYPES.contains(type)) {
            throw err("missing storage pool target path");
        }
        long capacity = root.child("capacity").map(e -> ScaledIntegers.parseBytes(e, "./capacity", 1)).orElse(0L);
        long allocation = root.child("allocation").map(e -> ScaledIntegers.parseBytes(e, "./allocation", 1)).orElse(0L);
        long available = root.child("available").map(e -> ScaledIntegers.parseBytes(e, "./available", 1)).orElse(0L);
        return new StoragePoolDefinition(type, name, uuid, capacity, allocation, available, source, path,
                Permissions.fromElement(target == null ? null : target.child("permissions").orElse(null)));
    }

    /** Formats as virStoragePoolGetXMLDesc (the test driver takes no flags). */
    public static String format(StoragePoolDefinition def) {
        XmlWriter w = new XmlWriter();
        w.open("pool", "type", def.type());
        w.text("name", def.name());
        w.text("uuid", Uuids.format(def.uuid()));
        w.text("capacity", Long.toString(def.capacity()), "unit", "bytes");
        w.text("allocation", Long.toString(def.allocation()), "unit", "bytes");
        w.text("available", Long.toString(def.available()), "unit", "bytes");
        w.open("source");
        def.source().forEach(w::element);
        w.close("source");
        if (def.targetPath() != null || def.permissions() != null) {
            w.open("target");
            w.text("path", def.targetPath());
            if (def.permissions() != null) {
                def.permissions().format(w);
            }
            w.close("target");
        }
        w.close("pool");
        return w.toString();
    }

    private static VirException err(String detail) {
        return new VirException(VirErrorCode.XML_ERROR, VirErrorDomain.STORAGE, detail);
    }
}
