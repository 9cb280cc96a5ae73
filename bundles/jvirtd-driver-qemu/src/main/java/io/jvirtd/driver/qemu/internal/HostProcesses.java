package io.jvirtd.driver.qemu.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the driver reads about QEMU processes from {@code /proc}, and the signals it sends. A process
 * is alive while {@code /proc/PID} exists and is not a zombie (a daemonized QEMU is not our child,
 * and the reaper of this host may leave zombies). Stateless.
 */
final class HostProcesses {
    /** Clock ticks per second of {@code /proc/PID/stat} times (Linux's USER_HZ). */
    private static final long TICKS_PER_SECOND = 100;

    private HostProcesses() {
    }

    /** The state letter of {@code /proc/PID/stat} (R, S, T, Z...), empty if there is no such process. */
    static Optional<Character> state(long pid) {
        return stat(pid).map(fields -> fields[0].charAt(0));
    }

    static boolean alive(long pid) {
        return state(pid).filter(s -> s != 'Z' && s != 'X').isPresent();
    }

    /** True if the process exists and is stopped (SIGSTOP): SIGTERM would wait until it continues. */
    static boolean stopped(long pid) {
        return state(pid).filter(s -> s == 'T' || s == 't').isPresent();
    }

    /** User + system CPU time of the process, in nanoseconds; 0 if it is gone. */
    static long cpuTimeNs(long pid) {
        return stat(pid).map(f -> (Long.parseLong(f[11]) + Long.parseLong(f[12])) * (1_000_000_000L
                / TICKS_PER_SECOND)).orElse(0L);
    }

    /** True if the process's command line contains {@code needle} (guards against a reused pid). */
    static boolean commandLineContains(long pid, String needle) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ').contains(needle);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * One thread of a process (a vCPU): its state letter, CPU time in nanoseconds and the host CPU it
     * last ran on; empty if it is gone.
     */
    static Optional<long[]> thread(long pid, long tid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
            long ns = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * (1_000_000_000L / TICKS_PER_SECOND);
            return Optional.of(new long[] {f[0].charAt(0), ns, Long.parseLong(f[36])});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Waits until the process is gone (or a zombie), at most {@code deadline}. A daemonized QEMU is not
     * our child: nothing notifies its exit, so this polls {@code /proc} every few milliseconds, as
     * libvirt's process killer does. Used only after the monitor's end, when the exit is imminent.
     */
    static boolean awaitGone(long pid, java.time.Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (alive(pid)) {
            if (System.nanoTime() > end) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
        }
        return true;
    }

    static void terminate(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }

    static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** The fields of {@code /proc/PID/stat} after the command name: [0] is the state. */
    private static Optional<String[]> stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Optional.of(s.substring(s.lastIndexOf(')') + 2).trim().split(" "));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
