package io.jvirtd.api.object;

import io.jvirtd.api.error.VirErrorDomain;

import org.osgi.annotation.versioning.ProviderType;

/** Creates {@link ObjectList}s whose objects carry core's locks and job model. */
@ProviderType
public interface ObjectListFactory {

    /**
     * @param kind the kind of object, used in lock and job names (e.g. {@code "domain"})
     * @param errorDomain the driver's error domain, used for the errors its jobs raise
     */
    <T extends Keyed> ObjectList<T> create(String kind, VirErrorDomain errorDomain);
}
