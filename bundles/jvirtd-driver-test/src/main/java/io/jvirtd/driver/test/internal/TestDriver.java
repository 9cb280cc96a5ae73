package io.jvirtd.driver.test.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

import io.jvirtd.api.driver.ConnectDriver;
import io.jvirtd.api.driver.ConnectRequest;
import io.jvirtd.api.driver.Driver;
import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.lock.LockFactory;
import io.jvirtd.api.object.ObjectListFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's test driver as a service: serves {@code test:///default} (the built-in state) and
 * {@code test:///PATH} (a state loaded from an XML file), held in memory, shared by the
 * connections of one URI. Hot-deployable: when this bundle stops, its states go and the daemon
 * refuses further calls on the connections it opened.
 */
@Component(service = {ConnectDriver.class, Driver.class}, property = Driver.SCHEME_PROPERTY + "=test",
        immediate = true)
public final class TestDriver implements ConnectDriver {
    private static final Logger LOG = LoggerFactory.getLogger(TestDriver.class);
    static final String DEFAULT_URI = "test:///default";

    private final TestStates states; // immutable

    @Activate
    public TestDriver(@Reference LockFactory locks, @Reference ObjectListFactory lists) {
        this.states = new TestStates(locks, uri -> TestStateLoader.load(uri, locks, lists));
        LOG.info("test driver ready: test:///default and test:///PATH");
    }

    @Deactivate
    void deactivate() {
        states.clear();
        LOG.info("test driver stopped; its connections are refused from now on");
    }

    @Override
    public String name() {
        return "Test";
    }

    @Override
    public DriverConnection open(ConnectRequest request) {
        return states.open(canonical(request.uri()));
    }

    /** {@code test:///default} or {@code test:///ABSOLUTE-PATH}; anything else is refused. */
    static String canonical(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST, "malformed URI " + uri);
        }
        String path = parsed.getPath();
        if (parsed.getHost() != null && !parsed.getHost().isEmpty() || path == null || path.isEmpty()
                || path.equals("/")) {
            throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.TEST, "testOpen: supply a path or use "
                    + "test:///default");
        }
        if (path.equals("/default")) {
            return DEFAULT_URI;
        }
        return "test://" + Path.of(path).normalize();
    }
}
