package io.jvirtd.launcher;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Runs one Gogo command through the framework's {@code CommandProcessor} service. The launcher
 * does not link against Gogo (its class path is the framework only), so the session is driven
 * through the service object's public methods.
 */
final class GogoCommandRunner {
    private static final Duration COMMAND_GRACE = Duration.ofSeconds(5);
    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";

    private final BundleContext context;
    private final Duration deadline;

    GogoCommandRunner(BundleContext context, Duration deadline) {
        this.context = context;
        this.deadline = deadline;
    }

    /**
     * Waits (with the deadline) for the command processor and, for a {@code scope:function}
     * command, for that command's service; then runs the command.
     *
     * @return true if the command succeeded
     */
    boolean run(String command, PrintStream out, PrintStream err) throws Exception {
        Object processor = await("(objectClass=" + PROCESSOR + ")", "the Gogo command processor");
        String first = command.trim().split("\\s+", 2)[0];
        int colon = first.indexOf(':');
        if (colon > 0) {
            String scope = first.substring(0, colon);
            String function = first.substring(colon + 1);
            // all bundles are started by now; a command that is still missing after a short grace is
            // unknown, and Gogo itself reports "Command not found"
            awaitOptional("(&(osgi.command.scope=" + scope + ")(osgi.command.function=" + function + "))",
                    COMMAND_GRACE);
        }
        Method create = processor.getClass().getMethod("createSession",
                java.io.InputStream.class, java.io.OutputStream.class, java.io.OutputStream.class);
        Object session = create.invoke(processor, new ByteArrayInputStream(new byte[0]), out, err);
        Class<?> sessionType = Class.forName("org.apache.felix.service.command.CommandSession", false,
                session.getClass().getClassLoader());
        try {
            Object result = sessionType.getMethod("execute", CharSequence.class).invoke(session, command);
            if (result != null) {
                Object text = sessionType.getMethod("format", Object.class, int.class).invoke(session, result, 0);
                out.println(text);
            }
            out.flush();
            return true;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            err.println("error: " + (cause.getMessage() == null ? cause : cause.getMessage()));
            return false;
        } finally {
            sessionType.getMethod("close").invoke(session);
        }
    }

    private Object await(String filter, String what) throws InterruptedException, InvalidSyntaxException {
        Object service = awaitOptional(filter, deadline);
        if (service == null) {
            throw new IllegalStateException(what + " did not appear within " + deadline.toSeconds() + " s");
        }
        return service;
    }

    private Object awaitOptional(String filter, Duration wait) throws InterruptedException, InvalidSyntaxException {
        Filter f = FrameworkUtil.createFilter(filter);
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, f, null);
        tracker.open(true);
        try {
            return tracker.waitForService(wait.toMillis());
        } finally {
            tracker.close();
        }
    }
}
