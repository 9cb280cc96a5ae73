package io.jvirtd.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;

import sun.misc.Signal;

/**
 * The process leader (seed 001): sets the framework up, starts it, then does nothing but wait for
 * it to stop, and turns that into the exit code. Its class path is only lib/ (this launcher and
 * the Felix framework); it logs its own few lines to stdout/stderr, everything else logs through
 * SLF4J inside the framework.
 */
public final class Main {
    private static final Duration EXEC_DEADLINE = Duration.ofSeconds(60);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(60);

    private Main() {
    }

    public static void main(String[] args) {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("jvirtd: " + e.getMessage());
            System.err.print(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LauncherOptions.USAGE);
            return;
        }
        int code;
        try {
            code = new Main().run(options, new RuntimeLayout(home()));
        } catch (IllegalStateException e) {
            System.err.println("jvirtd: " + e.getMessage());
            code = 1;
        } catch (Exception e) {
            System.err.println("jvirtd: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    private int run(LauncherOptions options, RuntimeLayout layout) throws Exception {
        System.setProperty("jvirtd.home", layout.home().toString());
        Map<String, String> properties = layout.frameworkProperties();
        Path execStorage = null;
        if (options.execCommand() != null) {
            execStorage = Files.createTempDirectory("jvirtd-exec-");
            properties.put(Constants.FRAMEWORK_STORAGE, execStorage.toString());
            properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
            // the command's output is the only thing on the terminal; the log still goes to data/log
            System.setProperty("jvirtd.log.console.threshold", "OFF");
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        }
        properties.put("gosh.args", options.console() ? "" : "--nointeractive");
        System.setProperty("logback.configurationFile", layout.etc().resolve("logback.xml").toString());
        Files.createDirectories(layout.data().resolve("log"));

        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path (lib/)"))
                .newFramework(properties);
        framework.init();
        List<Bundle> installed = install(framework.getBundleContext(), layout);
        framework.start();
        awaitStartLevel(framework);
        List<String> problems = report(installed, options.execCommand() == null);

        try {
            if (options.execCommand() != null) {
                boolean ok = new GogoCommandRunner(framework.getBundleContext(), EXEC_DEADLINE)
                        .run(options.execCommand(), System.out, System.err);
                return ok ? 0 : 1;
            }
            stopOnSignals(framework);
            System.out.println("jvirtd: started (home " + layout.home() + ", " + installed.size() + " bundles"
                    + (problems.isEmpty() ? "" : ", " + problems.size() + " not started") + ")");
            FrameworkEvent event = framework.waitForStop(0);
            System.out.println("jvirtd: stopped (" + describe(event) + ")");
            return event.getType() == FrameworkEvent.ERROR ? 1 : 0;
        } finally {
            stop(framework);
            if (execStorage != null) {
                deleteTree(execStorage);
            }
        }
    }

    /** Installs every jar of bundle/ at its start level from etc/startup.properties. */
    private static List<Bundle> install(BundleContext context, RuntimeLayout layout) throws IOException, BundleException {
        Map<String, Integer> levels = layout.startLevels();
        List<Path> jars;
        try (Stream<Path> files = Files.list(layout.bundles())) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        jars = new ArrayList<>(jars);
        jars.sort(Comparator.comparing((Path p) -> levels.getOrDefault(name(p), Integer.MAX_VALUE))
                .thenComparing(Main::name));
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            Integer level = levels.get(name(jar));
            if (level == null) {
                throw new IllegalStateException("bundle/" + name(jar) + " has no start level in etc/startup.properties");
            }
            Bundle b = context.installBundle(jar.toUri().toString());
            b.adapt(BundleStartLevel.class).setStartLevel(level);
            installed.add(b);
        }
        for (Bundle b : installed) {
            if ((b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
                b.start(Bundle.START_ACTIVATION_POLICY);
            }
        }
        return installed;
    }

    private static void awaitStartLevel(Framework framework) throws InterruptedException {
        // Framework.start() raises the start level asynchronously; STARTED is fired when it is reached.
        var started = new java.util.concurrent.CountDownLatch(1);
        framework.getBundleContext().addFrameworkListener(e -> {
            if (e.getType() == FrameworkEvent.STARTED || e.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                started.countDown();
            }
        });
        var fsl = framework.adapt(org.osgi.framework.startlevel.FrameworkStartLevel.class);
        int target = Integer.parseInt(framework.getBundleContext()
                .getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL) == null ? "1"
                : framework.getBundleContext().getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL));
        if (fsl.getStartLevel() < target) {
            started.await(EXEC_DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Prints what was loaded; returns one line per bundle that is not active. */
    private static List<String> report(List<Bundle> bundles, boolean verbose) {
        List<String> problems = new ArrayList<>();
        for (Bundle b : bundles) {
            boolean fragment = (b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            boolean ok = fragment ? b.getState() == Bundle.RESOLVED : b.getState() == Bundle.ACTIVE;
            String line = String.format("  [%3d] %-10s level %2d  %s %s", b.getBundleId(), state(b),
                    b.adapt(BundleStartLevel.class).getStartLevel(), b.getSymbolicName(), b.getVersion());
            if (!ok) {
                problems.add(line);
            }
            if (verbose) {
                System.out.println("jvirtd: loaded" + line);
            }
        }
        for (String p : problems) {
            System.err.println("jvirtd: NOT STARTED" + p);
        }
        return problems;
    }

    /** SIGTERM and SIGINT stop the framework; the main thread then returns from waitForStop. */
    private static void stopOnSignals(Framework framework) {
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> {
                if (stopping.compareAndSet(false, true)) {
                    System.out.println("jvirtd: SIG" + signal.getName() + " received, stopping");
                    Thread stopper = new Thread(() -> {
                        try {
                            framework.stop();
                        } catch (BundleException e) {
                            System.err.println("jvirtd: stopping the framework failed: " + e);
                        }
                    }, "jvirtd-stop");
                    stopper.start();
                }
            });
        }
    }

    private static void stop(Framework framework) throws InterruptedException {
        if ((framework.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
            try {
                framework.stop();
            } catch (BundleException e) {
                System.err.println("jvirtd: stopping the framework failed: " + e);
            }
        }
        FrameworkEvent event = framework.waitForStop(STOP_DEADLINE.toMillis());
        if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
            System.err.println("jvirtd: the framework did not stop within " + STOP_DEADLINE.toSeconds() + " s");
        }
    }

    private static String describe(FrameworkEvent event) {
        return switch (event.getType()) {
            case FrameworkEvent.STOPPED -> "framework stopped";
            case FrameworkEvent.STOPPED_UPDATE -> "framework updated";
            case FrameworkEvent.ERROR -> "framework error: " + event.getThrowable();
            default -> "framework event " + event.getType();
        };
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    /** jvirtd.home, or the folder above lib/ where this launcher's jar lies. */
    private static Path home() throws URISyntaxException {
        String configured = System.getProperty("jvirtd.home");
        if (configured != null) {
            return Path.of(configured);
        }
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getParent();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
