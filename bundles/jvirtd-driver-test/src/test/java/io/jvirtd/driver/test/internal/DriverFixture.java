package io.jvirtd.driver.test.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.driver.ConnectRequest;
import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.core.internal.lock.OrderedLockFactory;
import io.jvirtd.core.internal.object.ObjectModel;

import org.junit.jupiter.api.function.Executable;

/**
 * A test driver on core's real lock hierarchy (order violations throw) and object model, as the
 * daemon wires it; each fixture is a fresh driver, so test:///default starts pristine.
 */
final class DriverFixture {
    final OrderedLockFactory locks;
    final ObjectModel model;
    final TestDriver driver;

    DriverFixture() {
        this(Duration.ofSeconds(5));
    }

    DriverFixture(Duration jobWait) {
        this.locks = new OrderedLockFactory(true, Duration.ofSeconds(5));
        this.model = new ObjectModel(locks, jobWait);
        this.driver = new TestDriver(locks, model);
    }

    DriverConnection open(String uri) {
        return driver.open(new ConnectRequest(uri, false));
    }

    DriverConnection openDefault() {
        return open(TestDriver.DEFAULT_URI);
    }

    /** A minimal domain: max memory 8192 KiB, current 4096, 2 vCPUs (1 current). */
    static String domainXml(String name, UUID uuid) {
        return domainXml(name, uuid, 8192, "");
    }

    static String domainXml(String name, UUID uuid, long memoryKiB, String extra) {
        return "<domain type='test'><name>" + name + "</name><uuid>" + uuid + "</uuid><memory>" + memoryKiB
                + "</memory><currentMemory>4096</currentMemory><vcpu current='1'>2</vcpu><os><type>hvm</type></os>"
                + extra + "</domain>";
    }

    static List<String> names(List<DomainRef> refs) {
        return refs.stream().map(DomainRef::name).sorted().toList();
    }

    /** Asserts the exact libvirt error: code, error domain and the message a client prints. */
    static VirException assertVirError(VirErrorCode code, VirErrorDomain domain, String message, Executable call) {
        VirException e = assertThrows(VirException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(domain, e.domain(), e.getMessage());
        assertEquals(message, e.getMessage());
        return e;
    }
}
