package io.jvirtd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.url;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import io.jvirtd.api.dispatch.WorkerPool;
import io.jvirtd.api.domain.DomainDriver;
import io.jvirtd.api.domain.DomainEvent;
import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.driver.ConnectDriver;
import io.jvirtd.api.driver.ConnectRequest;
import io.jvirtd.api.driver.DriverConnection;
import io.jvirtd.api.driver.Subscription;
import io.jvirtd.api.driver.DriverInfo;
import io.jvirtd.api.driver.DriverRegistry;
import io.jvirtd.api.event.EventLoop;
import io.jvirtd.api.job.JobRegistry;
import io.jvirtd.api.lock.LockFactory;
import io.jvirtd.api.object.ObjectListFactory;
import io.jvirtd.itests.fakedriver.FakeDriverBundle;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Constants;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The bundles of the assembled distribution in a real Felix: they all resolve and start, the core
 * services are there, a Gogo command answers, and driver bundles installed at run time (a fake one,
 * and the test driver the distribution deploys) are bound, serve, and are unbound.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimePaxExamIT {
    private static final long DEADLINE_MS = 30_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        DistributionBundles distribution = new DistributionBundles();
        // a private home like the daemon's: etc/ (copied), deploy/, data/
        Path home = Files.createTempDirectory("jvirtd-paxexam-");
        DistributionBundles.copyTree(distribution.home().resolve("etc"), home.resolve("etc"));
        Files.createDirectories(home.resolve("deploy"));
        Files.createDirectories(home.resolve("data/log"));

        List<Option> options = new ArrayList<>();
        options.add(cleanCaches());
        options.add(frameworkStartLevel(Constants.START_LEVEL_TEST_BUNDLE));
        options.add(systemProperty("jvirtd.home").value(home.toString()));
        options.add(systemProperty("jvirtd.lock.check").value("true"));
        options.add(systemProperty("logback.configurationFile").value(home.resolve("etc/logback.xml").toString()));
        options.add(frameworkProperty("felix.fileinstall.dir").value(home.resolve("etc").toString()));
        options.add(frameworkProperty("felix.fileinstall.filter").value(".*\\.cfg"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.log.level").value("2"));
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        // Pax Exam's own bundles, from pax-exam-link-assembly on the class path (no network).
        // Its bundles import org.slf4j [1.4,2): SLF4J 2 exports that package at 1.7.36 as well, so
        // they share the distribution's SLF4J and logback.
        for (String link : List.of("org.ops4j.pax.exam", "org.ops4j.pax.exam.inject", "org.ops4j.pax.extender.service",
                "org.ops4j.base", "org.ops4j.pax.swissbox.core", "org.ops4j.pax.swissbox.extender",
                "org.ops4j.pax.swissbox.framework", "org.ops4j.pax.swissbox.lifecycle", "org.ops4j.pax.swissbox.tracker",
                "jakarta.inject-api", "org.ops4j.pax.exam.invoker.junit",
                "org.apache.servicemix.bundles.junit", "org.apache.servicemix.bundles.hamcrest")) {
            options.add(url("link:classpath:META-INF/links/" + link + ".link").startLevel(Constants.START_LEVEL_SYSTEM_BUNDLES));
        }
        // Ours: exactly the jars the distribution ships, in the order of etc/startup.properties,
        // squeezed below the probe's start level.
        for (Path jar : distribution.jars()) {
            options.add(bundle(jar.toUri().toString()).startLevel(examLevel(distribution.startLevel(jar))).start());
        }
        return options.toArray(new Option[0]);
    }

    /** Maps the distribution's levels (5..50) onto 2..4, keeping their order, below the probe (5). */
    private static int examLevel(int distributionLevel) {
        if (distributionLevel <= 5) {
            return 2;
        }
        return distributionLevel <= 10 ? 3 : 4;
    }

    @Test
    public void everyBundleOfTheDistributionResolvesAndStarts() throws Exception {
        String distributionPrefix = new DistributionBundles().home().resolve("bundle").toUri().toString();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Bundle b : context.getBundles()) {
            if (!b.getLocation().startsWith(distributionPrefix)) {
                continue;
            }
            checked++;
            boolean fragment = (b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            if (fragment ? b.getState() != Bundle.RESOLVED : b.getState() != Bundle.ACTIVE) {
                String why = "state " + b.getState();
                try {
                    b.start();
                } catch (BundleException e) {
                    why = e.getMessage();
                }
                failures.add(b.getSymbolicName() + ": " + why);
            }
        }
        assertEquals("bundles of the distribution found in the framework",
                new DistributionBundles().jars().size(), checked);
        assertTrue("not started: " + failures, failures.isEmpty());
    }

    @Test
    public void theCoreServicesArePresent() throws Exception {
        for (Class<?> type : List.of(LockFactory.class, EventLoop.class, WorkerPool.class, ObjectListFactory.class,
                JobRegistry.class, DriverRegistry.class)) {
            assertNotNull(type.getSimpleName() + " service", awaitService(type));
        }
        awaitCondition("both servers' worker pools", () -> workerPools().size() == 2);
        assertEquals(List.of("admin", "libvirtd"), workerPools().stream().map(WorkerPool::name).sorted().toList());
        WorkerPool libvirtd = workerPools().stream().filter(p -> p.name().equals("libvirtd")).findFirst().orElseThrow();
        assertEquals(20, libvirtd.stats().maxWorkers());
        assertEquals(5, libvirtd.stats().prioWorkers());
        assertTrue("lock checking is on in tests", awaitService(LockFactory.class).checking());
    }

    @Test
    public void aGogoCommandAnswers() throws Exception {
        CommandProcessor processor = awaitService(CommandProcessor.class);
        awaitCondition("the virt:threadpool command", () -> !serviceReferences("(&(osgi.command.scope=virt)"
                + "(osgi.command.function=threadpool))").isEmpty());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Object result = session.execute("virt:threadpool --no-format");
            assertEquals("admin\t5\t20\t5\t5\t0\t0\nlibvirtd\t5\t20\t5\t5\t5\t0\n", result);
        } finally {
            session.close();
        }
    }

    @Test
    public void theAdministrationCommandsAnswerThroughTheCommandProcessor() throws Exception {
        CommandProcessor processor = awaitService(CommandProcessor.class);
        // virt:log needs logback behind SLF4J, which Pax Exam's own logging replaces: AdminIT covers it
        for (String function : List.of("clients", "client-close", "limits", "list", "start", "destroy")) {
            awaitCondition("the virt:" + function + " command", () -> !serviceReferences("(&(osgi.command.scope=virt)"
                    + "(osgi.command.function=" + function + "))").isEmpty());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            assertEquals("", session.execute("virt:clients --no-format"));
            assertEquals("libvirtd\t5000\t0\t20\t0\n", session.execute("virt:limits --no-format"));
            assertEquals("admin\t4000\t0\t0\t0\n",
                    session.execute("virt:limits --server admin --max-clients 4000 --no-format"));
            assertEquals("admin\t5000\t0\t0\t0\n",
                    session.execute("virt:limits --server admin --max-clients 5000 --no-format"));
            assertEquals("Client not found: No client with matching ID '42'",
                    failure(session, "virt:client-close 42"));
            assertEquals("no connection driver available for nosuch:///x",
                    failure(session, "virt:list --all nosuch:///x"));
        } finally {
            session.close();
        }
    }

    private static String failure(CommandSession session, String command) {
        try {
            Object result = session.execute(command);
            throw new AssertionError(command + " did not fail: " + result);
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    @Test
    public void aDriverBundleInstalledAtRunTimeIsBoundAndUnbound() throws Exception {
        DriverRegistry registry = awaitService(DriverRegistry.class);
        assertTrue(registry.forScheme(FakeDriverBundle.SCHEME).isEmpty());
        Bundle fake = context.installBundle("memory:" + FakeDriverBundle.SYMBOLIC_NAME,
                new ByteArrayInputStream(FakeDriverBundle.bytes()));
        fake.start();
        awaitCondition("the fake driver to be bound", () -> registry.forScheme(FakeDriverBundle.SCHEME).isPresent());
        DriverInfo info = registry.drivers().stream().filter(d -> FakeDriverBundle.SCHEME.equals(d.scheme()))
                .findFirst().orElseThrow();
        assertEquals(FakeDriverBundle.NAME, info.name());
        assertEquals(FakeDriverBundle.SYMBOLIC_NAME, info.bundleSymbolicName());
        assertEquals(fake.getBundleId(), info.bundleId());

        fake.uninstall();
        awaitCondition("the fake driver to be unbound", () -> registry.forScheme(FakeDriverBundle.SCHEME).isEmpty());
        assertTrue(registry.drivers().stream().noneMatch(d -> FakeDriverBundle.NAME.equals(d.name())));
    }

    @Test
    public void theTestDriverFromDeployServesAndLeavesCleanly() throws Exception {
        DriverRegistry registry = awaitService(DriverRegistry.class);
        Path jar = new DistributionBundles().home().resolve("deploy/jvirtd-driver-test.jar");
        Bundle driverBundle = context.installBundle(jar.toUri().toString());
        driverBundle.start();
        awaitCondition("the test driver to be bound", () -> registry.forScheme("test").isPresent());
        ConnectDriver driver = (ConnectDriver) registry.forScheme("test").orElseThrow();
        try (DriverConnection c = driver.open(new ConnectRequest("test:///default", false))) {
            DomainDriver domains = c.domains();
            assertEquals(List.of(new DomainRef("test", UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f"), 1)),
                    domains.listAll(0));
            List<DomainEvent> events = new CopyOnWriteArrayList<>();
            try (Subscription s = domains.subscribe(events::add)) {
                DomainRef tiny = domains.define("<domain type='test'><name>tiny</name><memory>8192</memory>"
                        + "<os><type>hvm</type></os></domain>", 0);
                DomainRef running = domains.create(tiny, 0);
                assertEquals(2, running.id());
                domains.destroy(running, 0);
                domains.undefine(tiny, 0);
            }
            assertEquals(List.of(DomainEvent.DEFINED, DomainEvent.STARTED, DomainEvent.STOPPED, DomainEvent.UNDEFINED),
                    events.stream().map(DomainEvent::event).toList());
        }
        driverBundle.uninstall();
        awaitCondition("the test driver to be unbound", () -> registry.forScheme("test").isEmpty());
    }

    private <T> T awaitService(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(DEADLINE_MS);
            assertNotNull(type.getName() + " did not appear within " + DEADLINE_MS + " ms", service);
            return service;
        } finally {
            tracker.close();
        }
    }

    private List<WorkerPool> workerPools() {
        try {
            return context.getServiceReferences(WorkerPool.class, null).stream().map(context::getService).toList();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<?> serviceReferences(String filter) {
        try {
            var refs = context.getServiceReferences((String) null, filter);
            return refs == null ? List.of() : List.of(refs);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

}
