package io.jvirtd.api.object;

import java.util.UUID;

/**
 * What an {@link ObjectList} indexes a value by. Values are best immutable records: the list
 * reads keys without the object lock.
 */
public interface Keyed {

    /** The unique name. */
    String name();

    /** The unique UUID. */
    UUID uuid();

    /** The id while active (domains), or -1 when inactive or not applicable. */
    default int id() {
        return -1;
    }
}
