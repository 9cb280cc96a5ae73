package io.jvirtd.driver.test.internal.model;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

/**
 * Storage volume XML ({@code <volume>}) to {@link StorageVolumeDefinition} and back. Sizes take
 * {@code unit=} (bytes by default); a missing allocation equals the capacity; type defaults to
 * file and format to raw.
 */
public final class VolumeXml {

    private VolumeXml() {
    }

    public static StorageVolumeDefinition parse(String xml) {
        return fromElement(XmlParser.parse(xml, "(storage_volume_definition)", VirErrorDomain.STORAGE, "volume"));
    }

    public static StorageVolumeDefinition fromElement(XmlElement root) {
        if (!"volume".equals(root.name())) {
            throw VirException.of(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                    "expecting root element of 'volume', not '%s'", root.name());
        }
        String name = root.childText("name");
        if (name == null || name.isEmpty()) {
            throw err("missing volume name element");
        }
        if (name.contains("/")) {
            throw err("volume name '" + name + "' cannot contain '/'");
        }
        XmlElement capacityEl = root.child("capacity").orElseThrow(() -> err("missing capacity element"));
        long capacity = ScaledIntegers.parseBytes(capacityEl, "./capacity", 1);
        long allocation = root.child("allocation").map(e -> ScaledIntegers.parseBytes(e, "./allocation", 1))
                .orElse(capacity);
        XmlElement target = root.child("target").orElse(null);
        String path = target == null ? null : target.childText("path");
        String format = target == null ? null : target.child("format").map(f -> f.attr("type")).orElse(null);
        return new StorageVolumeDefinition(root.attr("type") != null ? root.attr("type") : "file", name,
                root.childText("key"), capacity, allocation, path, format != null ? format : "raw",
                Permissions.fromElement(target == null ? null : target.child("permissions").orElse(null)));
    }

    /** Formats as virStorageVolGetXMLDesc. */
    public static String format(StorageVolumeDefinition def) {
        XmlWriter w = new XmlWriter();
        w.open("volume", "type", def.type());
        w.text("name", def.name());
        w.text("key", def.key());
        w.text("capacity", Long.toString(def.capacity()), "unit", "bytes");
        w.text("allocation", Long.toString(def.allocation()), "unit", "bytes");
        w.open("target");
        w.text("path", def.targetPath());
        w.empty("format", "type", def.format());
        if (def.permissions() != null) {
            def.permissions().format(w);
        }
        w.close("target");
        w.close("volume");
        return w.toString();
    }

    private static VirException err(String detail) {
        return new VirException(VirErrorCode.XML_ERROR, VirErrorDomain.STORAGE, detail);
    }
}
