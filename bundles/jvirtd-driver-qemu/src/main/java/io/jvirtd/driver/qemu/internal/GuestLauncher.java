package io.jvirtd.driver.qemu.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.driver.qemu.internal.monitor.QmpListener;
import io.jvirtd.driver.qemu.internal.monitor.QmpMonitor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process side of a guest: spawning QEMU (it daemonizes, so it is no child of the daemon and
 * outlives it; the parent's exit says the monitor socket is ready, its output goes to
 * {@code log/NAME.log}), connecting the monitor, ending the process (SIGTERM, then SIGKILL after
 * {@code shutdown_grace_ms}; at once for a stopped process) and removing its files. Every method
 * does I/O: callers hold no lock (a job, but not the object lock). Stateless apart from the shared
 * driver state.
 */
final class GuestLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(GuestLauncher.class);
    private static final int LOG_TAIL = 2000;
    private final QemuState state; // immutable

    GuestLauncher(QemuState state) {
        this.state = state;
    }

    /** Starts QEMU and returns its pid once it has daemonized; a failure leaves no process and no file. */
    long spawn(String name, List<String> argv) {
        StateFiles f = state.files;
        Path log = f.logFile(name);
        StateFiles.delete(f.monitorSocket(name), f.pidFile(name));
        long offset;
        try {
            Files.writeString(log, OffsetDateTime.now(ZoneOffset.UTC) + ": starting up\n" + String.join(" ", argv)
                    + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            offset = Files.size(log);
        } catch (IOException e) {
            throw new VirException(VirErrorCode.SYSTEM_ERROR, VirErrorDomain.QEMU, "cannot write " + log + ": "
                    + e.getMessage(), e);
        }
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()))
                    .redirectInput(Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new VirException(VirErrorCode.SYSTEM_ERROR, VirErrorDomain.QEMU, "Cannot check QEMU binary "
                    + argv.get(0) + ": No such file or directory", e);
        }
        try {
            if (!p.waitFor(state.settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                killFromPidFile(name);
                throw Errors.internal("QEMU did not start within " + state.settings.startTimeout().toSeconds()
                        + " s: " + tail(log, offset));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            killFromPidFile(name);
            throw new VirException(VirErrorCode.OPERATION_ABORTED, VirErrorDomain.QEMU, "start interrupted");
        }
        if (p.exitValue() != 0) {
            StateFiles.delete(f.monitorSocket(name), f.pidFile(name));
            throw Errors.internal("process exited while connecting to monitor: " + tail(log, offset));
        }
        try {
            return Long.parseLong(StateFiles.read(f.pidFile(name)).trim());
        } catch (RuntimeException e) {
            throw Errors.internal("QEMU started but wrote no pid to " + f.pidFile(name));
        }
    }

    /** Connects the monitor of a started or reattached guest. */
    QmpMonitor connect(String name, GuestRuntime rt, QmpListener listener, Duration timeout) {
        QmpMonitor m = QmpMonitor.connect(name, rt.monitorPath, state.loop, rt.events, listener, state.locks,
                timeout);
        rt.attach(m);
        return m;
    }

    /**
     * Ends the QEMU process of {@code rt} and waits until it is gone: SIGTERM, then SIGKILL after the
     * grace period (at once if the process is stopped, which SIGTERM would not wake). The monitor's
     * end is the sign that QEMU exited.
     */
    void terminate(GuestRuntime rt) {
        QmpMonitor m = rt.monitor();
        if (HostProcesses.stopped(rt.pid)) {
            HostProcesses.kill(rt.pid);
        } else {
            HostProcesses.terminate(rt.pid);
        }
        if (m != null && !awaitEnd(m, state.settings.shutdownGrace())) {
            LOG.info("QEMU {} did not end within {} ms of SIGTERM; killing it", rt.pid,
                    state.settings.shutdownGrace().toMillis());
        }
        if (!HostProcesses.awaitGone(rt.pid, Duration.ofMillis(500))) {
            HostProcesses.kill(rt.pid);
            if (m != null) {
                awaitEnd(m, Duration.ofSeconds(5));
            }
            if (!HostProcesses.awaitGone(rt.pid, Duration.ofSeconds(5))) {
                LOG.error("QEMU {} is still there 5 s after SIGKILL", rt.pid);
            }
        }
    }

    private static boolean awaitEnd(QmpMonitor m, Duration d) {
        try {
            m.ended().get(d.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Removes the run files of a guest that is no longer running. */
    void removeRunFiles(String name) {
        StateFiles f = state.files;
        StateFiles.delete(f.statusFile(name), f.monitorSocket(name), f.pidFile(name));
    }

    private void killFromPidFile(String name) {
        try {
            HostProcesses.kill(Long.parseLong(StateFiles.read(state.files.pidFile(name)).trim()));
        } catch (RuntimeException e) {
            // no pid file: nothing started
        }
        StateFiles.delete(state.files.monitorSocket(name), state.files.pidFile(name));
    }

    /** The log written since {@code offset}, at most the last {@value #LOG_TAIL} characters, on one line. */
    private static String tail(Path log, long offset) {
        try (RandomAccessFile raf = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(offset, raf.length() - LOG_TAIL);
            byte[] b = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(b);
            return new String(b, StandardCharsets.UTF_8).trim().replace('\n', ' ');
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A fresh runtime for a QEMU process. */
    GuestRuntime runtime(long pid, String name) {
        return new GuestRuntime(pid, state.files.monitorSocket(name), new SerialExecutor(state.eventPool));
    }

}
